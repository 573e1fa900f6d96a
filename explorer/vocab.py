"""Characters <-> ids.

- Id 0 is UNKNOWN: any character the model never saw (emoji, rare symbols, control characters).
- Every other id is one character of the training text.
- Any Unicode string can be encoded; nothing raises.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

UNKNOWN_ID = 0
UNKNOWN_MARK = "\ufffd"  # how an unknown character is written in the view


@dataclass(frozen=True)
class Vocab:
    chars: tuple[str, ...]  # chars[0] is the unknown marker

    def __post_init__(self):
        object.__setattr__(self, "_index", {c: i for i, c in enumerate(self.chars) if i != UNKNOWN_ID})

    def __len__(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> list[int]:
        return [self._index.get(c, UNKNOWN_ID) for c in text]

    @classmethod
    def from_text(cls, text: str, min_count: int = 1, extra: str = "") -> "Vocab":
        counts: dict[str, int] = {}
        for c in text:
            counts[c] = counts.get(c, 0) + 1
        kept = {c for c, n in counts.items() if n >= min_count} | set(extra)
        return cls((UNKNOWN_MARK, *sorted(kept)))

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps({"chars": list(self.chars[1:])}, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Vocab":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        chars = data["chars"]
        if not isinstance(chars, list) or not all(isinstance(c, str) and len(c) == 1 for c in chars):
            raise ValueError("vocabulary file must hold a list of single characters")
        return cls((UNKNOWN_MARK, *chars))


def display_char(c: str) -> str:
    """A visible label for one character (or a word): spaces, newlines and control characters get
    a symbol."""
    if len(c) != 1:
        return "".join(display_char(ch) for ch in c) if c else "∅"
    if c == " ":
        return "␣"
    if c == "\n":
        return "↵"
    if c == "\t":
        return "⇥"
    if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return f"U+{ord(c):04X}"
    return c
