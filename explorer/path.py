"""The lesson path: the order in which the pages tell the story, one place for it.

why a plain RNN forgets -> the cell state as a conveyor belt -> forget -> input -> output -> the whole
cell -> what one unit does (the unit explorer) -> Bi-LSTM -> variants -> parameter count -> the two cases
-> a five-question check.

The sidebar is numbered in this order (explorer/app.py), every page ends with ← previous / next → to
its neighbours, and opens with "what to notice here" tied to a one-click example (explorer/shell/ui.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


@dataclass(frozen=True)
class Stop:
    key: str     # its strings are nav_<key> and notice_<key> in explorer/i18n.py
    script: str  # pages/<script>.py
    url: str     # its url path ("" for the landing page)
    icon: str


PATH = (
    Stop("memory", "rnn_vs_lstm", "memory", ":material/history:"),
    Stop("cell", "cell", "cell", ":material/conveyor_belt:"),
    Stop("forget", "forget", "forget", ":material/delete_sweep:"),
    Stop("input", "input", "input", ":material/edit_note:"),
    Stop("output", "output", "output", ":material/output:"),
    Stop("overview", "overview", "", ":material/visibility:"),
    Stop("units", "units", "units", ":material/manage_search:"),
    Stop("bilstm", "bilstm", "bilstm", ":material/sync_alt:"),
    Stop("variants", "variants", "variants", ":material/account_tree:"),
    Stop("params", "params", "params", ":material/calculate:"),
    Stop("case1", "case_last_letter", "case1", ":material/spellcheck:"),
    Stop("case2", "case_next_word", "case2", ":material/short_text:"),
    Stop("check", "check", "check", ":material/quiz:"),
)
LANDING = "overview"   # the page at "/": a shared link to the app opens the whole cell, with "start here"


def number(key: str) -> int:
    """1-based place on the path."""
    return [s.key for s in PATH].index(key) + 1


def neighbours(key: str) -> tuple[Stop | None, Stop | None]:
    k = number(key) - 1
    return (PATH[k - 1] if k > 0 else None), (PATH[k + 1] if k + 1 < len(PATH) else None)


def script_path(s: Stop) -> str:
    """The page file as st.navigation / st.page_link know it (relative to explorer/app.py)."""
    return f"../pages/{s.script}.py"


def script_file(s: Stop) -> str:
    """The page file's absolute path: for pages made once a process (explorer/shell/ui.nav_pages), which
    must not depend on where the script that first made them lives."""
    return str(PAGES_DIR / f"{s.script}.py")
