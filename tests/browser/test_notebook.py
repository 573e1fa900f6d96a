"""The live box in a notebook, as a teacher meets it: JupyterLab on loopback, examples/look_inside.ipynb run
top to bottom in headless Chromium (it trains a 2-layer nn.LSTM and opens it in a LiveBox at layer 1). The
widget draws its six maps; a key typed in it redraws them and reaches Python (box.text); box.text set from
Python redraws it; box.trace equals explorer.trace; the browser's trace equals Python's within 1e-5."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import numpy as np
import pytest

from tests.browser.conftest import ARTIFACTS, ROOT, free_port

pytest.importorskip("anywidget")
pytest.importorskip("jupyterlab")

NOTEBOOK = ROOT / "examples" / "look_inside.ipynb"
QUANTITIES = ("forget", "input", "candidate", "cell", "output", "hidden")

# In the page (JupyterLab 4, started with expose_app_in_browser): the open notebook, and running code in it.
OPEN = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!(w && w.content && kernel && kernel.status === 'idle'); }"""
RUN_ALL = """async () => { const w = window.jupyterapp.shell.currentWidget; await w.sessionContext.ready;
  await window.jupyterapp.commands.execute('notebook:run-all-cells'); }"""
DONE = """() => { const w = window.jupyterapp.shell.currentWidget;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return w.sessionContext.session.kernel.status === 'idle' && cells.every(c => c.model.executionCount !== null); }"""
ERRORS = """() => window.jupyterapp.shell.currentWidget.content.widgets.filter(c => c.model.type === 'code')
  .flatMap(c => c.model.outputs.toJSON()).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)"""
# A cell added at the end and run; its printed output, once it has run.
ADD_AND_RUN = """async (code) => { const w = window.jupyterapp.shell.currentWidget, nb = w.content;
  const n = nb.model.sharedModel.cells.length;
  nb.model.sharedModel.insertCell(n, { cell_type: 'code', source: code });
  nb.activeCellIndex = n;
  await window.jupyterapp.commands.execute('notebook:run-cell');
  return n; }"""
OUTPUT = """(n) => { const c = window.jupyterapp.shell.currentWidget.content.widgets[n];
  if (c.model.executionCount === null) return null;
  return c.model.outputs.toJSON().map(o => o.output_type === 'error' ? 'ERROR ' + o.ename + ': ' + o.evalue : (o.text || '')).join(''); }"""
DRAWN = """([n, T]) => { const r = document.querySelector('.lb-root');
  return !!r && Number(r.dataset.drawn || 0) > n && r.__view.exportTrace().T === T; }"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the example notebook (outputs none, as committed), on loopback."""
    home = tmp_path_factory.mktemp("lab")
    shutil.copy(NOTEBOOK, home / NOTEBOOK.name)
    port = free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / ".config"), "JUPYTER_RUNTIME_DIR": str(home / ".runtime"),
           "IPYTHONDIR": str(home / ".ipython"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                             "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True", "--allow-root",
                             "--LabApp.extension_manager=readonly",
                             f"--ServerApp.root_dir={home}", "--LabApp.expose_app_in_browser=True",
                             "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
                            cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=open(home / "lab.log", "wb"))
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):          # until it answers (a fresh JupyterLab builds its settings on the first start)
            try:
                urllib.request.urlopen(url + "/api/status", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError((home / "lab.log").read_text()[-3000:])
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(20)


def run_cell(page, code: str) -> str:
    n = page.evaluate(ADD_AND_RUN, code)
    page.wait_for_function(f"() => ({OUTPUT})({n}) !== null", timeout=120_000)
    out = page.evaluate(OUTPUT, n)
    assert not out.startswith("ERROR"), out
    return out


def test_the_example_notebook_opens_a_live_box_that_python_and_the_browser_agree_on(lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(lab + "/lab/tree/" + NOTEBOOK.name)
        page.wait_for_function(OPEN, timeout=180_000, polling=250)
        page.evaluate(RUN_ALL)
        page.wait_for_function(DONE, timeout=300_000, polling=500)
        assert page.evaluate(ERRORS) == []
        # The widget: six maps drawn from the model the notebook trained, on the text its last cell set.
        root = page.locator(".lb-root")
        root.wait_for(timeout=60_000)
        start = json.loads(run_cell(page, "import json; print(json.dumps(box.text))"))
        assert start == "(a + b) * (c - d)"
        page.wait_for_function(DRAWN, arg=[0, len(start)], timeout=60_000)
        assert page.locator(".lb-root canvas.lb-map").count() == 6
        root.screenshot(path=str(ARTIFACTS / "notebook-widget.png"))

        # A key typed in the box: drawn at once, and heard by Python (box.text) once typing pauses.
        drawn = int(root.get_attribute("data-drawn"))
        box = page.get_by_test_id("live-text")
        box.click()
        box.press("End")
        box.type("!")
        typed = start + "!"
        page.wait_for_function(DRAWN, arg=[drawn, len(typed)], timeout=30_000)
        for _ in range(100):        # each check is a cell run: until the kernel has the text the box sent
            if json.loads(run_cell(page, "print(json.dumps(box.text))")) == typed:
                break
        else:
            pytest.fail("the text typed never reached box.text")

        # A click on a map chooses (t, j), and Python reads them.
        page.locator(".lb-root canvas.lb-map").first.click(position={"x": 5, "y": 20})   # (scrolled into view)
        for _ in range(100):
            t, j = map(int, run_cell(page, "print(box.t, box.j)").split())
            if t >= 0 and j >= 0:
                break
        else:
            pytest.fail("a click on a map never reached box.t, box.j")

        # The browser's numbers (layer 1 of the notebook's model) against Python's, and box.trace against explorer.trace.
        got = page.evaluate("() => document.querySelector('.lb-root').__view.exportTrace()")
        want = json.loads(run_cell(page, "import explorer, numpy as np; tr = box.trace; print(json.dumps({"
                                         "'same': all(np.array_equal(getattr(tr, q), getattr(explorer.trace(box.model, box.text, layer=1), q))"
                                         f" for q in {QUANTITIES!r}), 'H': tr.hidden.shape[1], "
                                         f"**{{q: getattr(tr, q).ravel().tolist() for q in {QUANTITIES!r}}}}}))"))
        assert want["same"] and got["T"] == len(typed)
        for q in QUANTITIES:
            np.testing.assert_allclose(np.array(got["forward"][q]), np.array(want[q]), atol=1e-5, err_msg=q)

        # Set from Python: the box shows the new text and redraws every map.
        drawn = int(root.get_attribute("data-drawn"))
        run_cell(page, 'box.text = "(a + b) * c"')
        page.wait_for_function(DRAWN, arg=[drawn, len("(a + b) * c")], timeout=30_000)
        assert box.input_value() == "(a + b) * c"
        root.screenshot(path=str(ARTIFACTS / "notebook-widget-set.png"))
    finally:
        page.close()
