"""What every page shows its charts and columns through: plotly charts at the text sizes of where they
are shown (explorer.draw.style) and columns that stack in presenter mode; presenter mode's switch and
sizes."""
from __future__ import annotations

import streamlit as st

from explorer.draw import style
from explorer.shell.state import presenter_switch, presenting, say, sync_present

CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}   # no plotly toolbar over the legends


def chart(figure, key: str, **kwargs):
    """A plotly chart with its text at the sizes of where it is shown (explorer.draw.style), plotly's
    toolbar off (zoom and pan stay on the mouse; Streamlit's own toolbar keeps full screen)."""
    return st.plotly_chart(style.for_screen(figure, presenting()), key=key, config=CHART_CONFIG, **kwargs)


def columns(spec, **kwargs) -> list:
    """st.columns, or (in presenter mode, where a projector is narrow and text large) the same number of
    containers one under the other."""
    n = spec if isinstance(spec, int) else len(spec)
    return [st.container() for _ in range(n)] if presenting() else st.columns(spec, **kwargs)


PRESENTER_CSS = """<style>
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p, [data-testid="stMain"] li,
[data-testid="stMain"] [data-testid="stCaptionContainer"], [data-testid="stMain"] label p,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 24px !important; line-height: 1.45 !important; }
[data-testid="stMain"] h1 { font-size: 3.4rem !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2.2rem !important; }
[data-testid="stMain"] button p { font-size: 22px !important; }
[data-testid="stMain"] [data-testid="stPageLink"] p { font-size: 28px !important; font-weight: 600; }
.katex { font-size: 1.5em !important; }
.lb-title { font-size: 24px !important; } .lb-axis { font-size: 20px !important; }
.lb-ticks { font-size: 18px !important; flex-basis: 56px !important; } .lb-input { font-size: 26px !important; }
.lb-label { font-size: 22px !important; } .lb-tip { font-size: 22px !important; } .lb-newline { font-size: 22px !important; }
.lb-side-title { font-size: 28px !important; } .lb-caption, .lb-note { font-size: 20px !important; } .lb-warn { font-size: 22px !important; }
.lb-guess-char { font-size: 24px !important; flex-basis: 56px !important; } .lb-guess-p { font-size: 22px !important; flex-basis: 60px !important; }
.lb-guess-track { height: 28px !important; } .lb-chip { font-size: 26px !important; } .lb-side { flex-basis: 300px !important; }
.um-title { font-size: 22px !important; } .um-axis { font-size: 18px !important; } .um-tag { font-size: 18px !important; }
.um-ticks { font-size: 18px !important; flex-basis: 56px !important; } .um-tip { font-size: 20px !important; }
</style>"""


def presenter() -> None:
    """The sidebar switch; ?present=1 in the URL (shared links keep it); the projector's sizes."""
    presenter_switch(say("present_toggle"), say("present_help"))
    sync_present()
    if presenting():
        st.html(PRESENTER_CSS)

