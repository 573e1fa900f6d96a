"""Overview: type, and watch all six quantities of the LSTM equations redraw (in the browser)."""
import streamlit as st

from explorer.draw import figures
from explorer.shell import own_ui, ui
from explorer.draw.diagram import cell_svg
from explorer.draw.textview import chips_html
from explorer.shell.state import K

st.title(ui.say("overview_title"))
ui.start_here()
ui.notice("overview")
st.write(ui.say("overview_intro"))
ui.example_buttons()
left, right = st.columns([3, 1])
with left:
    st.caption(ui.say("heatmaps_caption", h=ui.model().hidden_size))
    trace = ui.live_trace(figures.OVERVIEW_KINDS, key=K.live("overview"))
with right:
    if trace is not None and trace.next_char_probs is None:
        st.info(ui.say("own_no_decoder"))
    elif trace is not None:
        st.subheader(ui.say("guesses_title"))
        st.caption(ui.say("guesses_caption"))
        st.plotly_chart(figures.top_guesses(trace.next_char_probs[-1], ui.model().vocab.chars, ui.lang()),
                        key=K.OVERVIEW_GUESSES)
    st.subheader(ui.say("diagram_title"))
    st.image(cell_svg(), width="stretch")
    st.caption(ui.say("diagram_caption"))
if trace is not None:
    st.caption(ui.say("read_as"))
    st.html(chips_html(trace.chars, unknown=trace.unknown))
m = ui.model()
own = own_ui.current()
if own is None:
    st.caption(ui.say("model_caption", h=m.hidden_size, x=m.input_size))
else:
    st.caption(ui.say("own_model_caption", name=ui.md_escape(own.name), k=m.layer + 1, layers=own.num_layers,
                    h=m.hidden_size, x=m.input_size))
