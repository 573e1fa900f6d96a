"""The lesson path: every page as one object, in the order the pages tell the story.

why a plain RNN forgets -> the cell state as a conveyor belt -> forget -> input -> output -> the whole
cell -> what one unit does (the unit explorer) -> Bi-LSTM -> variants -> parameter count -> the two cases
-> a five-question check.

A Stop carries what the app needs to know of a page: its file, its address, its icon, its "Show me"
example, its predict-then-reveal question and whether it shows a model of yours. The sidebar (numbered in
this order), the ← previous / next → links, "what to notice", the questions and the tests read PATH; a
page's strings are nav_<key> and notice_<key> (and, for a lesson page, <key>_title and <key>_intro) in
explorer/i18n.py. How to add a page: docs/architecture.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from explorer import quiz
from explorer.texts import COUNTER_TEXT, DEFAULT_TEXT, EXAMPLES

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


@dataclass(frozen=True)
class Example:
    """"Show me": this text into the box, and (optionally) step t chosen, and the unit that counts the
    column (the probe's) chosen as j."""
    text: str
    t: int | None = None
    counting_unit: bool = False


@dataclass(frozen=True)
class Sizes:
    """"Show me" on the parameter count: these sizes chosen."""
    h: int
    x: int


@dataclass(frozen=True)
class Ask:
    """A page's predict-then-reveal question: `build(source)` (explorer/quiz.py) computes it from the
    models; `about`: the one text it is about (asked only while that text is in the box); `placed`: the
    page asks it itself, above what would give its answer away (else it is asked under the page)."""
    build: Callable[[quiz.Source], quiz.Question]
    about: str | None = None
    placed: bool = False


@dataclass(frozen=True)
class Stop:
    key: str                  # its strings: nav_<key>, notice_<key> (explorer/i18n.py)
    script: str               # pages/<script>.py
    url: str                  # its url path ("" for the landing page)
    icon: str
    show_me: Example | Sizes | None = None   # the "what to notice" box's one-click example (a page may have its own)
    question: Ask | None = None
    own_model: bool = False   # it shows a model of yours (other pages say they show the shipped one)


_BREAK = COUNTER_TEXT.index("\n")    # the counting example's first line break

PATH = (
    Stop("memory", "rnn_vs_lstm", "memory", ":material/history:", Example(quiz.MEMORY_TEXT),
         Ask(quiz.ask_memory, about=quiz.MEMORY_TEXT)),
    Stop("cell", "cell", "cell", ":material/conveyor_belt:",
         Example(COUNTER_TEXT, len(COUNTER_TEXT) - 1, counting_unit=True),
         Ask(quiz.ask_cell, about=COUNTER_TEXT), own_model=True),
    Stop("forget", "forget", "forget", ":material/delete_sweep:", Example(COUNTER_TEXT, _BREAK, counting_unit=True),
         Ask(quiz.ask_forget, about=COUNTER_TEXT), own_model=True),
    Stop("input", "input", "input", ":material/edit_note:", Example(COUNTER_TEXT, _BREAK + 1, counting_unit=True),
         Ask(quiz.ask_input, about=COUNTER_TEXT), own_model=True),
    Stop("output", "output", "output", ":material/output:", Example(COUNTER_TEXT, _BREAK - 1, counting_unit=True),
         Ask(quiz.ask_output, about=COUNTER_TEXT), own_model=True),
    Stop("overview", "overview", "", ":material/visibility:",
         Example(EXAMPLES["example_code"]),
         Ask(quiz.ask_next_char), own_model=True),
    Stop("units", "units", "units", ":material/manage_search:", None, Ask(quiz.ask_saturated, placed=True),
         own_model=True),
    Stop("bilstm", "bilstm", "bilstm", ":material/sync_alt:", Example(quiz.GAP_TEXT, quiz.GAP_TEXT.index("?")),
         Ask(quiz.ask_gap, placed=True)),
    Stop("variants", "variants", "variants", ":material/account_tree:", Example(DEFAULT_TEXT), Ask(quiz.ask_fewest)),
    Stop("params", "params", "params", ":material/calculate:", Sizes(*quiz.PARAMS_SIZES),
         Ask(quiz.ask_params, placed=True)),
    Stop("case1", "case_last_letter", "case1", ":material/spellcheck:"),
    Stop("case2", "case_next_word", "case2", ":material/short_text:"),
    Stop("check", "check", "check", ":material/quiz:"),
)
LANDING = "overview"   # the page at "/": a shared link to the app opens the whole cell, with "start here"
STOPS = {s.key: s for s in PATH}


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
    """The page file's absolute path: for pages made once a process (explorer/shell/lesson_ui.nav_pages),
    which must not depend on where the script that first made them lives."""
    return str(PAGES_DIR / f"{s.script}.py")
