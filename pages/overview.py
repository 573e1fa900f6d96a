"""Overview: type, and watch all six quantities of the LSTM equations redraw."""
import streamlit as st

from explorer import figures, ui
from explorer.diagram import cell_svg
from explorer.textview import chips_html
from explorer.unitmap import unit_maps

st.title(ui.t("overview_title"))
st.write(ui.t("overview_intro"))
ui.example_buttons()
trace = ui.live_trace()
if trace is not None:
    st.caption(ui.t("read_as"))
    st.html(chips_html(trace.chars, unknown=trace.unknown))
    left, right = st.columns([3, 1])
    with left:
        st.subheader(ui.t("heatmaps_title"))
        st.caption(ui.t("heatmaps_caption", h=trace.hidden.shape[1]))
        unit_maps({k: getattr(trace, k) for k in figures.OVERVIEW_KINDS}, trace.chars, ui.lang(), key="overview_maps")
    with right:
        st.subheader(ui.t("guesses_title"))
        st.caption(ui.t("guesses_caption"))
        st.plotly_chart(figures.top_guesses(trace.next_char_probs[-1], ui.model().vocab.chars, ui.lang()),
                        key="overview_guesses")
        st.subheader(ui.t("diagram_title"))
        st.image(cell_svg(), width="stretch")
        st.caption(ui.t("diagram_caption"))
    m = ui.model()
    st.caption(ui.t("model_caption", h=m.hidden_size, x=m.input_size))
