"""requirements.txt installs as Streamlit Community Cloud installs it, with uv and with pip: the CPU
build of torch from PyTorch's page of torch wheels, every other package from PyPI.

PyTorch's server cannot be reached here, so its page is stood in for by a folder holding the one torch
wheel this machine has; PyPI is the real one (a package registry, reachable here and in CI)."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TORCH_PAGE = "https://download.pytorch.org/whl/torch/"
PYPI = "https://pypi.org/simple"


def requirements() -> str:
    return (ROOT / "requirements.txt").read_text(encoding="utf-8")


def test_no_extra_index_can_shadow_pypi():
    lines = [ln.split("#")[0].strip() for ln in requirements().splitlines()]
    assert not any(ln.startswith(("--index-url", "--extra-index-url", "-i ")) for ln in lines)
    assert f"--find-links {TORCH_PAGE}" in lines and "torch==2.13.0+cpu" in lines


@pytest.fixture(scope="module")
def cloud_requirements(tmp_path_factory) -> Path:
    """requirements.txt with PyTorch's page replaced by a local folder of torch wheels, without `-e .`."""
    tmp = tmp_path_factory.mktemp("cloud")
    wheels = tmp / "torch-page"
    wheels.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--retries", "0", "-q", "-d", str(wheels),
                    "torch==2.13.0+cpu"], check=True, capture_output=True)
    text = requirements().replace(TORCH_PAGE, wheels.as_uri())
    text = "\n".join(ln for ln in text.splitlines() if ln.strip() != "-e .")
    req = tmp / "requirements.txt"
    req.write_text(text, encoding="utf-8")
    return req


def test_uv_takes_torch_from_its_page_and_the_rest_from_pypi(cloud_requirements, tmp_path):
    beside = Path(sys.executable).parent / "uv"            # a venv's own, even when it is not activated
    uv = str(beside) if beside.exists() else shutil.which("uv") or pytest.fail("uv is installed by requirements-dev.txt")
    env = {**os.environ, "UV_NO_CONFIG": "1", "UV_CACHE_DIR": str(tmp_path / "uv-cache")}
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(tmp_path / "venv")], check=True, env=env)
    out = subprocess.run([uv, "pip", "install", "--dry-run", "--python", str(tmp_path / "venv" / "bin" / "python"),
                          "--index-url", PYPI, "-r", str(cloud_requirements)],
                         check=True, capture_output=True, text=True, env=env)
    plan = dict(re.findall(r"^ \+ ([\w.-]+)==(\S+)$", out.stdout + out.stderr, re.M))
    assert plan["torch"] == "2.13.0+cpu"
    assert {"streamlit", "plotly", "numpy", "jinja2", "filelock"} <= set(plan)
    assert not any("+cpu" in v for k, v in plan.items() if k != "torch")


def test_pip_takes_torch_from_its_page_and_the_rest_from_pypi(cloud_requirements, tmp_path):
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--ignore-installed", "-q",
                    "--index-url", PYPI, "--report", str(report), "-r", str(cloud_requirements)],
                   check=True, capture_output=True, text=True)
    chosen = {i["metadata"]["name"].lower(): (i["metadata"]["version"], i["download_info"]["url"])
              for i in json.loads(report.read_text())["install"]}
    assert chosen["torch"][0] == "2.13.0+cpu" and chosen["torch"][1].startswith("file:")
    assert all(url.startswith("https://files.pythonhosted.org/") for name, (_, url) in chosen.items() if name != "torch")
