"""Overview: type, and watch all six quantities of the LSTM equations redraw (in the browser)."""
import streamlit as st

from explorer.draw import figures
from explorer.draw.diagram import cell_svg
from explorer.safe_text import md_escape
from explorer.shell import cached, lesson_ui, own_ui, textbox
from explorer.shell.state import K, say

st.title(say("overview_title"))
lesson_ui.start_here()
lesson_ui.notice("overview")
st.write(say("overview_intro"))
textbox.example_buttons()


st.caption(say("heatmaps_caption", h=cached.model().hidden_size))
textbox.box_controls(figures.OVERVIEW_KINDS)
# The box, its maps, the guesses and the text as read: all drawn by the browser on every key, and the text
# heard with no run (explorer/shell/heard.py). Not a fragment: with no run to hear it that saves nothing,
# and a fragment's run takes a whole batch of widget changes in its scope (a click in it was lost).
textbox.live_text(figures.OVERVIEW_KINDS, key=K.live("overview"), guesses=True, controls=False)
diagram, about = st.columns([3, 2], gap="large")
with diagram:
    st.subheader(say("diagram_title"))
    st.image(cell_svg(), width="stretch", alt=say("diagram_alt"))
with about:
    st.caption(say("diagram_caption"))
    m = cached.model()
    own = own_ui.current()
    if own is None:
        st.caption(say("model_caption", h=m.hidden_size, x=m.input_size))
    else:
        st.caption(say("own_model_caption", name=md_escape(own.name), k=m.layer + 1, layers=own.num_layers,
                          h=m.hidden_size, x=m.input_size))
