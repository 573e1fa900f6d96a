"""Output gate: how much of the belt is shown outside, h_t = o_t ⊙ tanh(C_t)."""
import numpy as np
import streamlit as st

from explorer.draw import figures
from explorer.equations import GENERAL, gate_with_numbers, hidden_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper, ui
from explorer.shell.state import K, lang, say

trace = lesson_ui.lesson_page("output", (GENERAL["output"], GENERAL["hidden"]), ("output", "tanh_cell", "hidden"))
if trace is not None:
    T, H = trace.forget.shape

    def body(t, j):
        eq, pic = st.container(), st.container()  # stacked: side by side, a 1024-px screen cut the equations
        with eq:
            st.latex(gate_with_numbers(gate_terms(cached.model(), trace, "output", t, j)))
            st.latex(hidden_with_numbers(float(trace.output[t, j]), float(trace.cell[t, j]),
                                         float(trace.hidden[t, j]), t, j))
            st.write(say("output_reading"))
            stepper.chips(trace, trace.hidden[:, j], "hidden", t, say("chips_label", kind=say("kind_hidden"), j=j))
        with pic:
            stepper.diagram_at(trace, t, j, "output")
        ui.chart(figures.unit_lines([("h", trace.hidden[:, j], "solid"), ("o", trace.output[:, j], "dot"),  # h under:
                                            ("tanh(C)", np.tanh(trace.cell[:, j]), "dash")],   # where h ≈ o, o's dots show on it
                                           trace.chars, lang(), t, say("unit_over_time", j=j)), key=K.OUTPUT_LINES)
        stepper.what_if(trace, "output", t, j)

    stepper.inspector(T, H, body)
