"""Forget gate: where the model keeps (f≈1) and drops (f≈0) what is on the belt."""
import streamlit as st

from explorer import ui
from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms

st.title(ui.t("forget_title"))
st.write(ui.t("forget_intro"))
st.latex(GENERAL["forget"])
trace = ui.live_trace()
if trace is not None:
    T, H = trace.forget.shape
    ui.clamp_selection(T, H)
    st.subheader(ui.t("map_title", kind=ui.t("kind_forget")))
    st.caption(ui.t("map_caption"))
    ui.clickable_map(trace.forget, "forget", trace.chars, key="map_forget")

    def body(t, j):
        eq, pic = st.columns([3, 2])
        with eq:
            st.latex(gate_with_numbers(gate_terms(ui.model(), trace, "forget", t, j)))
            st.write(ui.t("forget_reading"))
            ui.chips(trace, trace.forget[:, j], "forget", t, ui.t("chips_label", kind=ui.t("kind_forget"), j=j))
        with pic:
            ui.diagram_at(trace, t, j, "forget")
        ui.what_if(trace, "forget", t, j)

    ui.inspector(T, H, body)
