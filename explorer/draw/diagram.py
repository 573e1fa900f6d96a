"""The LSTM cell diagram, drawn by us as SVG, with the lesson's symbols.

`cell_svg(highlight, values)` marks one part (forget, input, candidate, cell, output, hidden) and
writes values beside the symbols. Only numbers and the fixed symbols below go into the SVG, never
user text. assets/lstm_cell.svg is `cell_svg()` saved (tests check it is up to date).
"""
from __future__ import annotations

from explorer.draw.colors import ACCENT

HIGHLIGHT = ACCENT
INK = "#222"

_GATES = {  # part: (box centre x, label, function in the box)
    "forget": (150, "f<tspan baseline-shift='sub' font-size='14'>t</tspan>", "σ"),
    "input": (250, "i<tspan baseline-shift='sub' font-size='14'>t</tspan>", "σ"),
    "candidate": (340, "C̃<tspan baseline-shift='sub' font-size='14'>t</tspan>", "tanh"),
    "output": (440, "o<tspan baseline-shift='sub' font-size='14'>t</tspan>", "σ"),
}


def _sub(main: str, sub: str) -> str:
    return f"{main}<tspan baseline-shift='sub' font-size='14'>{sub}</tspan>"


def cell_svg(highlight: str | None = None, values: dict[str, float] | None = None) -> str:
    """The diagram; `highlight` is one of forget, input, candidate, output, cell, hidden."""
    values = values or {}

    def col(part: str) -> str:
        return HIGHLIGHT if part == highlight else INK

    def width(part: str) -> int:
        return 4 if part == highlight else 2

    def val(part: str, x: int, y: int, anchor: str = "middle") -> str:
        if part not in values:
            return ""
        return (f"<text x='{x}' y='{y}' text-anchor='{anchor}' font-size='15' fill='{col(part)}' "
                f"font-weight='bold'>{values[part]:+.2f}</text>")

    p = []
    p.append("<rect x='60' y='40' width='500' height='270' rx='18' fill='#f4f6f8' stroke='#c7ccd1' stroke-width='2'/>")
    # the conveyor belt: C_{t-1} -> x f_t -> + i_t*C~_t -> C_t
    p.append(f"<line x1='10' y1='80' x2='625' y2='80' stroke='{col('cell')}' stroke-width='{width('cell') + 2}'/>")
    p.append(f"<text x='12' y='68' font-size='17' fill='{col('cell')}'>{_sub('C', 't-1')}</text>")
    p.append(f"<text x='592' y='68' font-size='17' fill='{col('cell')}'>{_sub('C', 't')}</text>")
    p.append(val("cell", 604, 104))
    # h_{t-1} and x_t join into one bus feeding the four gates
    p.append(f"<polyline points='10,290 100,290 100,262 440,262' fill='none' stroke='{INK}' stroke-width='2'/>")
    p.append(f"<line x1='100' y1='345' x2='100' y2='290' stroke='{INK}' stroke-width='2'/>")
    p.append(f"<text x='12' y='310' font-size='17' fill='{INK}'>{_sub('h', 't-1')}</text>")
    p.append(f"<text x='108' y='345' font-size='17' fill='{INK}'>{_sub('x', 't')}</text>")
    for part, (x, label, fn) in _GATES.items():
        c, w = col(part), width(part)
        p.append(f"<line x1='{x}' y1='262' x2='{x}' y2='240' stroke='{INK}' stroke-width='2'/>")
        p.append(f"<rect x='{x - 28}' y='204' width='56' height='36' rx='6' fill='#fff' stroke='{c}' stroke-width='{w}'/>")
        p.append(f"<text x='{x}' y='228' text-anchor='middle' font-size='16' fill='{c}'>{fn}</text>")
    # forget: f_t up to the x on the belt
    p.append(f"<line x1='150' y1='204' x2='150' y2='94' stroke='{col('forget')}' stroke-width='{width('forget')}'/>")
    p.append(f"<text x='158' y='128' font-size='17' fill='{col('forget')}'>{_GATES['forget'][1]}</text>")
    p.append(val("forget", 158, 150, "start"))
    # input x candidate, then up to the + on the belt
    p.append(f"<polyline points='250,204 250,150 281,150' fill='none' stroke='{col('input')}' stroke-width='{width('input')}'/>")
    p.append(f"<polyline points='340,204 340,150 309,150' fill='none' stroke='{col('candidate')}' stroke-width='{width('candidate')}'/>")
    p.append(f"<text x='242' y='180' text-anchor='end' font-size='17' fill='{col('input')}'>{_GATES['input'][1]}</text>")
    p.append(val("input", 242, 198, "end"))
    p.append(f"<text x='348' y='180' font-size='17' fill='{col('candidate')}'>{_GATES['candidate'][1]}</text>")
    p.append(val("candidate", 348, 198, "start"))
    p.append(f"<line x1='295' y1='136' x2='295' y2='94' stroke='{INK}' stroke-width='2'/>")
    # output: tanh(C_t) times o_t gives h_t
    p.append(f"<line x1='500' y1='80' x2='500' y2='118' stroke='{col('cell')}' stroke-width='2'/>")
    p.append(f"<rect x='474' y='118' width='52' height='28' rx='14' fill='#fff' stroke='{INK}' stroke-width='2'/>")
    p.append(f"<text x='500' y='137' text-anchor='middle' font-size='15' fill='{INK}'>tanh</text>")
    p.append(f"<line x1='500' y1='146' x2='500' y2='166' stroke='{INK}' stroke-width='2'/>")
    p.append(f"<polyline points='440,204 440,180 486,180' fill='none' stroke='{col('output')}' stroke-width='{width('output')}'/>")
    p.append(f"<text x='448' y='172' font-size='17' fill='{col('output')}'>{_GATES['output'][1]}</text>")
    p.append(val("output", 448, 198, "start"))
    p.append(f"<polyline points='500,194 500,290 625,290' fill='none' stroke='{col('hidden')}' stroke-width='{width('hidden')}'/>")
    p.append(f"<text x='592' y='312' font-size='17' fill='{col('hidden')}'>{_sub('h', 't')}</text>")
    p.append(val("hidden", 604, 280))
    # the pointwise operators, drawn last so they sit on top of the lines
    for x, y, op in ((150, 80, "×"), (295, 80, "+"), (295, 150, "×"), (500, 180, "×")):
        p.append(f"<circle cx='{x}' cy='{y}' r='14' fill='#fff' stroke='{INK}' stroke-width='2'/>")
        p.append(f"<text x='{x}' y='{y + 6}' text-anchor='middle' font-size='18' fill='{INK}'>{op}</text>")
    body = "".join(p)
    return ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 640 360' width='100%' "
            "font-family='DejaVu Sans, Noto Sans CJK SC, sans-serif' role='img' aria-label='LSTM cell'>"
            f"{body}</svg>")
