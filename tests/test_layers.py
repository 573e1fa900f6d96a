"""The layers as docs/architecture.md states them, each rule a test:

    explorer/ (the model)   imports itself only; neither Streamlit nor torch when imported (torch only
                            inside the functions that compare with it or train)
    explorer/draw/          the model and itself; neither Streamlit nor torch
    explorer/training/      the model and itself (and torch); never Streamlit or the shell
    explorer/shell/         the model, draw, training and itself (and Streamlit)
    pages/, explorer/app.py the shell, draw and the model; never a recipe (explorer.training)
    explorer/notebook.py    the model and draw (the box in Jupyter: a host beside the shell, never in it);
                            neither Streamlit nor, when imported, torch

so the equations can be read, used and tested without the app, and nothing runs back up."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = sorted(p.stem for p in ROOT.joinpath("explorer").glob("*.py") if p.stem not in ("__init__", "app", "notebook"))
DRAWING = sorted("draw." + p.stem for p in ROOT.joinpath("explorer", "draw").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", MODEL + DRAWING + ["notebook"])
def test_imports_neither_streamlit_nor_torch(module):
    if module == "notebook":
        pytest.importorskip("anywidget")     # the notebook extra
    code = (f"import sys, explorer.{module}; "
            "print(' '.join(m for m in ('streamlit', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", f"explorer.{module} imports {out.stdout.strip()} when imported"


LAYER_IMPORTS = {            # a layer: the layers its files may import
    "model": {"model"},
    "draw": {"model", "draw"},
    "training": {"model", "training"},
    "shell": {"model", "draw", "training", "shell"},
    "pages": {"model", "draw", "shell"},
    "notebook": {"model", "draw"},
}
NEVER = {"model": {"streamlit"}, "draw": {"streamlit", "torch"}, "training": {"streamlit"}, "shell": set(), "pages": {"torch"},
         "notebook": {"streamlit"}}


def layer_of_file(path: Path) -> str:
    rel = path.relative_to(ROOT).parts
    if rel[0] == "pages" or rel == ("explorer", "app.py"):
        return "pages"
    if rel == ("explorer", "notebook.py"):
        return "notebook"
    return rel[1] if len(rel) > 2 else "model"


def layer_of_module(name: str) -> str | None:
    """The layer of an imported module (None: not this project's)."""
    parts = name.split(".")
    if parts[0] != "explorer":
        return None
    if parts[1:2] == ["notebook"]:
        return "notebook"
    return parts[1] if len(parts) > 1 and parts[1] in ("draw", "training", "shell") else "model"


def imports_of(source: str) -> list[tuple[int, str, bool]]:
    """(line, module, at the top level) for every import in a file (`from explorer import x`: explorer.x)."""
    found = []
    tree = ast.parse(source)
    top = {id(n) for n in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            subs = [f"{node.module}.{a.name}" for a in node.names] if node.module in ("explorer", "explorer.shell",
                                                                                      "explorer.draw", "explorer.training") else []
            found += [(node.lineno, m, id(node) in top) for m in (subs or [node.module])]
    return found


def crossings(path: Path, source: str) -> list[str]:
    layer, bad = layer_of_file(path), []
    for line, module, at_top in imports_of(source):
        other = layer_of_module(module)
        if other is not None and other not in LAYER_IMPORTS[layer]:
            bad.append(f"{path.relative_to(ROOT)}:{line} ({layer}) imports {module} ({other})")
        root = module.split(".")[0]
        if root in NEVER[layer] or (layer in ("model", "notebook") and root == "torch" and at_top):
            bad.append(f"{path.relative_to(ROOT)}:{line} ({layer}) imports {module}")
    return bad


def project_files() -> list[Path]:
    return sorted([*ROOT.joinpath("explorer").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py")])


def test_every_import_follows_the_layers():
    bad = [c for path in project_files() for c in crossings(path, path.read_text(encoding="utf-8"))]
    assert bad == []


def test_the_layer_rules_can_fail():
    """Each kind of crossing is caught (the check above is not vacuous)."""
    model, draw = ROOT / "explorer" / "x.py", ROOT / "explorer" / "draw" / "x.py"
    training, page = ROOT / "explorer" / "training" / "x.py", ROOT / "pages" / "x.py"
    assert crossings(model, "from explorer.training.train import update") != []
    assert crossings(model, "from explorer import cases\nimport torch") != []           # torch at import time
    assert crossings(model, "def f():\n    import torch\n    from explorer import lstm") == []
    assert crossings(model, "from explorer.shell import jobs") != []
    assert crossings(draw, "def f():\n    import streamlit") != []
    assert crossings(training, "from explorer.shell import jobs") != []
    assert crossings(page, "from explorer.training import train_memory") != []
    assert crossings(page, "from explorer.shell import ui\nfrom explorer.draw import figures") == []


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
