"""The shipped model's training text, made offline on any machine.

- English: the docstrings of the Python standard library (every Python install has them),
  re-wrapped at a fixed width of WRAP columns. A model that predicts where a line breaks has to
  count columns, which gives it a cell a student can see: the position-in-line cell.
- Chinese: the sentences in assets/zh_sentences.txt, written for this project, wrapped the same way,
  so the lesson's examples (e.g. "我爱中国") are read as real characters, not unknowns.
- Held out: modules whose name hashes to 0 mod 10, never seen in training.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import sysconfig
import textwrap
from pathlib import Path

from explorer.models import ASSETS

WRAP = 48          # the shipped models' training text: lines of exactly 48 characters
HARD_WRAP = True   # (a break may fall inside a word), so that the column is plain to count
ZH_SENTENCES = ASSETS / "zh_sentences.txt"


def _is_held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 10 == 0


def _docstrings(path: Path) -> list[str]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return []
    nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    return [d for n in nodes if (d := ast.get_docstring(n))]


def wrap_paragraphs(doc: str, width: int = WRAP, hard: bool = False) -> str:
    """Each blank-line separated paragraph re-flowed to `width` columns: at word breaks, or, with
    `hard`, every line exactly `width` characters (a break may fall inside a word)."""
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n")]
    if hard:
        return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paragraphs if p)
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs if p)


def stdlib_files() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    skip = {"site-packages", "test", "tests", "idle_test", "__pycache__"}
    return sorted(f for f in root.rglob("*.py") if not skip & set(f.relative_to(root).parts))


@functools.lru_cache(maxsize=2)
def build(width: int = WRAP, hard: bool = HARD_WRAP) -> tuple[str, str]:
    """(training text, held-out text), wrapped at `width` columns (made once per process)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    train, held = [], []
    for f in stdlib_files():
        name = str(f.relative_to(root))
        blocks = [wrap_paragraphs(d, width, hard) for d in _docstrings(f)]
        (held if _is_held_out(name) else train).extend(b for b in blocks if b)
    zh = [wrap_paragraphs(line, width, hard) for line in ZH_SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Chinese is a small part of the text: repeat it so its characters are learned, hold out none.
    train.extend(zh * 20)
    return "\n\n".join(train) + "\n", "\n\n".join(held) + "\n"
