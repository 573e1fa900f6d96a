"""The texts the lesson puts in the box: what a new session starts with (by language), the examples one
click away, and the counting example the gate pages' questions and Show me use."""
from __future__ import annotations

TEXT_CAP = 500              # characters read by the model; longer text is cut with a notice
INPUT_CAP = 10 * TEXT_CAP   # characters kept at all (box, URL): a pasted book stays out of every link

DEFAULT_TEXT = 'Return the number of items in the list. Use len(x) to count "words".'
CHINESE_TEXT = "我爱中国。今天天气很好，我们一起学习。"
DEFAULT_TEXTS = {"en": DEFAULT_TEXT, "zh": CHINESE_TEXT}   # the text a new session starts with, by language



def one_newline(text: str) -> str:
    """Line endings as the live box reads them (explorer/static/box/livebox.js, toBox): CR LF and a
    lone CR are line breaks, so the browser's maps and the server's trace read the same characters."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


EXAMPLES = {           # one click each on the overview: what the model was trained on, and the lesson's Chinese
    "example_sentence": DEFAULT_TEXT,
    "example_code": 'def area(r):\n    """Return the area of a circle."""\n    return 3.14159 * r * r',
    "example_brackets": "print(len(sorted([1, (2 + 3), 4])))",
    "example_chinese": CHINESE_TEXT,
}

COUNTER_TEXT = ("Return the number of items in the list.\n"     # one unit of C counts the column: the gate
                "Each line of this text starts a new count:\n"    # pages' Show me and their questions
                "one unit of the cell state climbs with every\n"
                "character and drops back at the line break.")
