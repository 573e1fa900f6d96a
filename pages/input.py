"""Input ("memory") gate and candidate: what is written onto the belt, i ⊙ C~."""
import streamlit as st

from explorer.draw import figures
from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper, ui
from explorer.shell.state import K, lang, say

trace = lesson_ui.lesson_page("input", (GENERAL["input"], GENERAL["candidate"]), ("input", "candidate", "written"))
if trace is not None:
    T, H = trace.forget.shape

    def body(t, j):
        eq, pic = st.container(), st.container()  # stacked: side by side, a 1024-px screen cut the equations
        with eq:
            st.latex(gate_with_numbers(gate_terms(cached.model(), trace, "input", t, j)))
            st.latex(gate_with_numbers(gate_terms(cached.model(), trace, "candidate", t, j)))
            i, c = float(trace.input[t, j]), float(trace.candidate[t, j])
            st.latex(rf"i_{{{t}}}[{j}]\,\tilde{{C}}_{{{t}}}[{j}] = {i:.3f} \times {c:.3f} = {i * c:.3f}".replace("-", "{-}"))
            st.write(say("input_reading"))
            stepper.chips(trace, trace.input[:, j] * trace.candidate[:, j], "written", t,
                     say("chips_label", kind=say("kind_written"), j=j))
        with pic:
            stepper.diagram_at(trace, t, j, "input")
        ui.chart(figures.unit_lines([("i", trace.input[:, j], "dot"), ("C̃", trace.candidate[:, j], "dash"),
                                            ("i·C̃", trace.input[:, j] * trace.candidate[:, j], "solid")],
                                           trace.chars, lang(), t, say("unit_over_time", j=j)), key=K.INPUT_LINES)
        stepper.what_if(trace, "input", t, j)

    stepper.inspector(T, H, body)
