"""Forget gate: where the model keeps (f≈1) and drops (f≈0) what is on the belt."""
import streamlit as st

from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper
from explorer.shell.state import say

trace = lesson_ui.lesson_page("forget", GENERAL["forget"], ("forget",))
if trace is not None:
    T, H = trace.forget.shape

    def body(t, j):
        eq, pic = st.container(), st.container()  # stacked: side by side, a 1024-px screen cut the equations
        with eq:
            st.latex(gate_with_numbers(gate_terms(cached.model(), trace, "forget", t, j)))
            st.write(say("forget_reading"))
            stepper.chips(trace, trace.forget[:, j], "forget", t, say("chips_label", kind=say("kind_forget"), j=j))
        with pic:
            stepper.diagram_at(trace, t, j, "forget")
        stepper.what_if(trace, "forget", t, j)

    stepper.inspector(T, H, body)
