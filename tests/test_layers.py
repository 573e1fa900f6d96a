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


def test_the_shell_holds_pandas_whole_before_a_page_builds_a_figure():
    """plotly loads pandas on the first figure; when a class's first sessions run at once, one thread was
    handed pandas half-imported ("partially initialized module 'pandas' has no attribute 'Series'",
    benchmarks.server_load --trainers). The shell package, which app.py imports before any page, imports
    it whole, so plotly only ever finds it whole."""
    code = ("import sys, explorer.shell; p = sys.modules.get('pandas'); "
            "print(p is not None and hasattr(p, 'Series') and not p.__spec__._initializing)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr[-2000:]
    app = (ROOT / "explorer" / "app.py").read_text(encoding="utf-8")
    assert app.index("from explorer.shell import") < min(app.index(w) for w in ("page.run()", "nav_pages("))


# ---- session state: every key is named in explorer/shell/state.py (Keys) and nowhere else ----
STATE = ROOT / "explorer" / "shell" / "state.py"
METHODS = {"get", "pop", "setdefault", "__setitem__", "__contains__", "keys", "items", "to_dict", "clear", "update"}


def _spelled(node) -> bool:
    """A key written in place: a string, an f-string, or a sum with a string in it."""
    import ast

    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _spelled(node.left) or _spelled(node.right)
    return False


def keys_spelled_outside_state(source: str) -> list[str]:
    """Where `source` writes a session-state key itself: key="…", st.session_state["…"], .get("…"),
    "…" in st.session_state, or st.session_state.name."""
    import ast

    found = []
    is_state = lambda n: isinstance(n, ast.Attribute) and n.attr == "session_state"   # noqa: E731
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "key" and _spelled(node.value):
            found.append(f"line {node.value.lineno}: key={ast.unparse(node.value)}")
        elif isinstance(node, ast.Subscript) and is_state(node.value) and _spelled(node.slice):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Attribute) and is_state(node.value) and node.attr not in METHODS:
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_state(node.func.value)
              and node.args and _spelled(node.args[0])):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif (isinstance(node, ast.Compare) and any(is_state(c) for c in node.comparators)
              and _spelled(node.left)):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_every_session_key_is_named_once_in_state():
    spelled = {}
    for path in sorted([*ROOT.joinpath("explorer").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py")]):
        if path != STATE:
            found = keys_spelled_outside_state(path.read_text(encoding="utf-8"))
            if found:
                spelled[str(path.relative_to(ROOT))] = found
    assert spelled == {}, "keys to name in explorer.shell.state.Keys"


def test_the_key_check_can_fail():
    src = ('import streamlit as st\nst.toggle("x", key="playing")\nst.session_state.sel_t = 1\n'
           'st.session_state.get(f"q_{k}")\nif "own" in st.session_state: pass\nst.session_state["a" + b] = 2\n'
           'st.button("y", key=K.PREV_STEP)\nst.session_state[K.SEL_J] = st.session_state.get(K.SEL_T)\n')
    assert sorted(line.split(":")[0] for line in keys_spelled_outside_state(src)) == [
        "line 2", "line 3", "line 4", "line 5", "line 6"]


def test_no_two_names_for_one_key():
    from explorer.shell.state import Keys

    names = {k: v for k, v in vars(Keys).items() if k.isupper()}
    assert len(set(names.values())) == len(names)
