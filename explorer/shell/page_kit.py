"""The browser side every page shares (explorer/shell/frontend/page.js and page.css): the sidebar closing
after a page is chosen on a narrow screen, equations that scroll inside their box and can be reached with
Tab, the cell diagram scrolled rather than shrunk on a phone, and whether the reader asked for reduced
motion (Play then steps more slowly: explorer/shell/stepper.py `play_seconds`)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from explorer.shell.state import say

FRONTEND = Path(__file__).resolve().parent / "frontend"
_component = None


def mount() -> None:
    """Once a run, from app.py."""
    global _component
    if _component is None:
        _component = st.components.v2.component("lstm_page_kit", js=(FRONTEND / "page.js").read_text(encoding="utf-8"),
                                                css=(FRONTEND / "page.css").read_text(encoding="utf-8"), isolate_styles=False)
    _component(data={"equation": say("equation_region"), "reduce": reduced_motion()}, key=KEY,
               on_motion_change=lambda: None)


KEY = "page_kit"


def reduced_motion() -> bool:
    """Whether this browser asked for less motion (prefers-reduced-motion), as the page kit reported it."""
    value = st.session_state.get(KEY)
    motion = value.get("motion") if hasattr(value, "get") else None
    return bool(motion.get("reduce")) if hasattr(motion, "get") else False
