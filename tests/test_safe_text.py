"""Whatever the user types comes out of md_escape as Markdown that shows exactly those characters."""
import re

import pytest

from explorer.safe_text import ESCAPABLE, md_escape

HOSTILE = ["**bold**", "_it_", ":red[x]", ":smile:", ":material/home:", r"$\frac{a}{b}$", r"$\rule{99em}{99em}$",
           "$$x$$", "`code`", "<b>hi</b>", "[link](http://x)", "# title", "> quote", "- item", "1. item", "a|b",
           "~~gone~~", "&amp;", "back\\slash", "line\nbreak", "cr\r\nlf"]


def unescape(md: str) -> str:
    """What CommonMark shows for text made only of backslash escapes and plain characters."""
    return re.sub(r"\\(.)", r"\1", md)


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markup_character_is_escaped(text):
    md = md_escape(text)
    assert re.fullmatch(r"(?:\\[" + re.escape(ESCAPABLE) + r"]|[^" + re.escape(ESCAPABLE) + r"\n\r])*", md), md
    assert unescape(md) == text.replace("\r\n", "\n").replace("\n", "↵")   # and shows as typed


def test_the_dangerous_ones_in_particular():
    assert md_escape(r"$\rule{99em}{99em}$") == r"\$\\rule\{99em\}\{99em\}\$"
    assert md_escape(":red[x]") == r"\:red\[x\]"
    assert md_escape("**b**") == r"\*\*b\*\*"
    assert md_escape("a\nb") == "a↵b" and "\n" not in md_escape("x\r\ny\rz")
    assert md_escape("我爱中国 é") == "我爱中国 é"                       # letters stay as they are
    assert set("$:[]\\*_~`<>|#") <= set(ESCAPABLE)
