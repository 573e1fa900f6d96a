"""What the AppTest tests share: the app's path, decoding what the app sent, opening a page."""
from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "explorer" / "app.py")


def decode(bdata: dict) -> np.ndarray:
    """A plotly typed array ({dtype, bdata, shape: "r, c"}) as numpy."""
    shape = tuple(int(n) for n in str(bdata.get("shape", "-1")).split(",") if n.strip())
    return np.frombuffer(base64.b64decode(bdata["bdata"]), dtype=np.dtype(bdata["dtype"])).reshape(shape)


def panel_values(panel: dict, T: int) -> np.ndarray:
    """A server-drawn map's values (explorer.draw.unitmap: variants and case pages)."""
    return np.frombuffer(base64.b64decode(panel["values"]), np.float32).reshape(panel["units"], T)


TEST_SESSION = "test session id"    # what streamlit.testing's script runner names every session


def forget_jobs() -> None:
    """Every AppTest runs as one session ("test session id"): a training one test started (a case page's Show me)
    would still be there for the next, and change its page. Each test's first load starts without any."""
    from explorer.shell import jobs

    for session, name in list(jobs._jobs):
        if session == TEST_SESSION:
            jobs.forget(session, name)


def open_page(page: str, **query) -> AppTest:
    """The app opened with `query` in the URL, then switched to pages/<page>.py; no exception."""
    forget_jobs()
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update(query)
    at.run()
    at.switch_page(f"../pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def worked(at: AppTest) -> str:
    """The first equation written out with the real numbers."""
    return next(e.proto.body for e in at.get("latex") if "aligned" in e.proto.body)
