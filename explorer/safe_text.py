"""Text the user typed, made safe to put inside Markdown (st.markdown, st.caption, st.write,
alerts, widget labels): it shows literally, never as markup.

- Every ASCII punctuation character that CommonMark lets one escape gets a backslash: no
  **bold**, no [links](…), no HTML <tags>, no $LaTeX$, no Streamlit :red[colour] or :icons:.
- Line breaks show as ↵ (a line break inside Markdown could start a heading, a list or a code block).
"""
from __future__ import annotations

ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # CommonMark §2.4: every ASCII punctuation character
NEWLINE_MARK = "↵"


def md_escape(text: str) -> str:
    """`text` as Markdown that renders as exactly these characters (line breaks as ↵)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for c in text:
        if c in ESCAPABLE:
            out.append("\\" + c)
        elif c == "\n":
            out.append(NEWLINE_MARK)
        else:
            out.append(c)
    return "".join(out)
