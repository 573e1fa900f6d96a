"""Hostile and careless model files, and what loading each costs.

    python -m benchmarks.hostile_files        # makes them in a temporary folder, prints a line each

Each file is small on disk but would once have cost the server far more memory than its size, or ended
in a traceback. Each is loaded in a fresh process (`--child`), which prints its answer (the refusal's key
and sentences, or "loaded") and its peak memory growth while loading it: VmHWM, reset before each file
through /proc/self/clear_refs, against the resident size just before.
"""
from __future__ import annotations

import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np


def _npy_header(shape, descr: str = "<f4") -> bytes:
    header = repr({"descr": descr, "fortran_order": False, "shape": tuple(shape)}).encode("latin1")
    pad = 64 - (10 + len(header) + 1) % 64
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header) + pad + 1) + header + b" " * pad + b"\n"


def _npz_of_zeros(path: Path, name: str, shape, descr: str, itemsize: int) -> None:
    """An .npz whose one member is `shape` of zeros, written (compressed) a chunk at a time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(name + ".npy", "w", force_zip64=True) as f:
            f.write(_npy_header(shape, descr))
            left, chunk = int(np.prod(shape)) * itemsize, bytes(2**22)
            while left > 0:
                f.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)


def make(folder: Path) -> dict[str, tuple[Path, Path | None]]:
    import torch

    folder = Path(folder)
    out: dict[str, tuple[Path, Path | None]] = {}

    def at(name: str) -> Path:
        return folder / name

    torch.save({"lstm.weight_ih_l0": torch.zeros(1).expand(16384, 16384)}, at("expand.pt"))   # 1.4 KB → 1 GB
    out["a stride-0 view of 16384² in a .pt"] = (at("expand.pt"), None)
    torch.save({"lstm.weight_hh_l0": torch.zeros(1).expand(100_000, 100_000)}, at("expand100k.pt"))
    out["a stride-0 view of 100000² in a .pt"] = (at("expand100k.pt"), None)
    _npz_of_zeros(at("zeros.npz"), "lstm.weight_ih_l0", (16384, 16384), "<f4", 4)     # 1 GiB of zeros, ~1 MB
    out["1 GiB of float32 zeros, compressed, in an .npz"] = (at("zeros.npz"), None)
    _npz_of_zeros(at("bools.npz"), "lstm.weight_hh_l0", (2**28,), "|b1", 1)            # 256 MB of booleans
    out["256 M booleans, compressed, in an .npz"] = (at("bools.npz"), None)
    with zipfile.ZipFile(at("declared.npz"), "w") as z:                                   # the header lies
        z.writestr("lstm.weight_ih_l0.npy", _npy_header((25_000_000_000,)) + bytes(64))
    out["an .npy header declaring 25 G elements"] = (at("declared.npz"), None)
    at("empty.pt").write_bytes(b"")
    out["an empty .pt"] = (at("empty.pt"), None)
    at("garbage.safetensors").write_bytes(struct.pack("<Q", 2**40) + b"{}")
    out["a safetensors header declaring 1 TB"] = (at("garbage.safetensors"), None)
    with zipfile.ZipFile(at("members.npz"), "w") as z:                                   # a directory of 30,000
        for k in range(30_000):
            z.writestr(f"m{k}.npy", b"")
    out["an .npz of 30,000 members"] = (at("members.npz"), None)
    V, X, H = 100_000, 2048, 8                                                            # 205 M parameters
    with zipfile.ZipFile(at("wide.npz"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, shape in (("embedding.weight", (V, X)), ("lstm.weight_ih_l0", (4 * H, X)),
                            ("lstm.weight_hh_l0", (4 * H, H)), ("decoder.weight", (V, H)), ("decoder.bias", (V,))):
            with z.open(name + ".npy", "w", force_zip64=True) as f:
                f.write(_npy_header(shape))
                left = int(np.prod(shape)) * 4
                while left > 0:
                    f.write(bytes(min(left, 2**22)))
                    left -= 2**22
    at("wide.json").write_text(json.dumps([f"w{k}" for k in range(V)]))
    out["205 M parameters in a 400 KB .npz"] = (at("wide.npz"), at("wide.json"))
    net = {"embedding.weight": torch.randn(4, 3) * 1e30, "lstm.weight_ih_l0": torch.randn(8, 3),
           "lstm.weight_hh_l0": torch.randn(8, 2), "decoder.weight": torch.randn(4, 2), "decoder.bias": torch.zeros(4)}
    torch.save(net, at("huge.pt"))
    at("huge.json").write_text(json.dumps(list("abcd")))
    out["finite weights of 1e30"] = (at("huge.pt"), at("huge.json"))
    at("nested.json").write_text("[" * 100_000 + "]" * 100_000)
    out["a vocabulary of 100,000 nested brackets"] = (at("huge.pt"), at("nested.json"))
    at("twice.json").write_text(json.dumps([f"w{k}" for k in range(99_999)] + ["w5"]))
    out["100,000 tokens with a duplicate at the end"] = (at("huge.pt"), at("twice.json"))
    at("commas.json").write_text("[" + "1," * 1_000_000 + "1]")
    out["a vocabulary of a million numbers"] = (at("huge.pt"), at("commas.json"))
    return out


BOMBS = ("a stride-0 view of 16384² in a .pt", "1 GiB of float32 zeros, compressed, in an .npz",
         "256 M booleans, compressed, in an .npz", "205 M parameters in a 400 KB .npz",
         "a stride-0 view of 100000² in a .pt")


def measure(files: dict[str, tuple[Path, Path | None]], folder: Path) -> dict[str, dict]:
    """{name: answer} for each file, loaded one after another in one fresh process."""
    listing = Path(folder) / "files.json"
    listing.write_text(json.dumps([[str(w), str(v) if v else None] for w, v in files.values()]))
    out = subprocess.run([sys.executable, "-m", "benchmarks.hostile_files", "--child", str(listing)],
                         cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=600)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return dict(zip(files, json.loads(out.stdout)))


def _kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def child(listing: str) -> None:
    import safetensors.torch  # noqa: F401  (every reader's imports, before the first measure)
    import torch  # noqa: F401

    import explorer
    from explorer.own_model import OwnModelError

    explorer.load_model()            # the shipped model and every import, before the first measure
    out = []
    for weights, vocab in json.loads(Path(listing).read_text()):
        Path("/proc/self/clear_refs").write_text("5")          # the peak (VmHWM) starts again at the current RSS
        before = _kb("VmRSS")
        try:
            explorer.load_model(weights, vocab=vocab)
            answer = {"key": "loaded"}
        except OwnModelError as e:
            answer = {"key": e.key, "en": e.message("en"), "zh": e.message("zh")}
        answer["growth_mb"] = (_kb("VmHWM") - before) / 1024
        out.append(answer)
    print(json.dumps(out))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = make(Path(folder))
        for name, answer in measure(files, Path(folder)).items():
            size = files[name][0].stat().st_size / 1024
            print(f"{name:46s} {size:8.1f} KB  +{answer['growth_mb']:5.1f} MB  {answer['key']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
