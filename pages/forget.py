"""Forget gate: where the model keeps (f≈1) and drops (f≈0) what is on the belt."""
import streamlit as st

from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import ui

trace = ui.lesson_page("forget", GENERAL["forget"], ("forget",))
if trace is not None:
    T, H = trace.forget.shape

    def body(t, j):
        eq, pic = st.container(), st.container()  # stacked: side by side, a 1024-px screen cut the equations
        with eq:
            st.latex(gate_with_numbers(gate_terms(ui.model(), trace, "forget", t, j)))
            st.write(ui.say("forget_reading"))
            ui.chips(trace, trace.forget[:, j], "forget", t, ui.say("chips_label", kind=ui.say("kind_forget"), j=j))
        with pic:
            ui.diagram_at(trace, t, j, "forget")
        ui.what_if(trace, "forget", t, j)

    ui.inspector(T, H, body)
