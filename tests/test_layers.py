"""The architecture's one hard boundary: the model and its numbers never import Streamlit or torch when
they are imported (torch only inside the functions that compare with it or train), so the equations
can be read, used and tested without either."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ["lstm", "tracing", "models", "vocab", "corpus", "probe", "units", "own_model", "bilstm", "variants", "memory",
         "params", "lesson", "equations", "quiz", "weights", "cases", "path", "cache", "safe_text", "i18n"]
DRAWING = ["draw.colors", "draw.figures", "draw.textview", "draw.diagram", "draw.unitmap", "draw.export"]


@pytest.mark.parametrize("module", MODEL + DRAWING)
def test_imports_neither_streamlit_nor_torch(module):
    code = (f"import sys, explorer.{module}; "
            "print(' '.join(m for m in ('streamlit', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", f"explorer.{module} imports {out.stdout.strip()} when imported"


def test_the_boundary_test_can_fail():
    """A module that does import Streamlit is caught (the check above is not vacuous)."""
    code = "import sys, explorer.shell.ui; print(' '.join(m for m in ('streamlit', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "streamlit" in out.stdout
