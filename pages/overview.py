"""Overview: type, and watch all six quantities of the LSTM equations redraw (in the browser)."""
import streamlit as st

from explorer.draw import figures
from explorer.draw.diagram import cell_svg
from explorer.shell import own_ui, ui
from explorer.shell.state import K

st.title(ui.say("overview_title"))
ui.start_here()
ui.notice("overview")
st.write(ui.say("overview_intro"))
ui.example_buttons()


st.caption(ui.say("heatmaps_caption", h=ui.model().hidden_size))
ui.box_controls(figures.OVERVIEW_KINDS)     # outside the fragment: a key does not rerun them


@st.fragment
def live() -> None:
    """The box, its maps, the guesses and the text as read: all drawn by the browser on every key. When
    the server hears the text, only this part reruns (and the page around it is not sent again)."""
    ui.live_text(figures.OVERVIEW_KINDS, key=K.live("overview"), guesses=True, controls=False)


live()
diagram, about = st.columns([3, 2], gap="large")
with diagram:
    st.subheader(ui.say("diagram_title"))
    st.image(cell_svg(), width="stretch", alt=ui.say("diagram_alt"))
with about:
    st.caption(ui.say("diagram_caption"))
    m = ui.model()
    own = own_ui.current()
    if own is None:
        st.caption(ui.say("model_caption", h=m.hidden_size, x=m.input_size))
    else:
        st.caption(ui.say("own_model_caption", name=ui.md_escape(own.name), k=m.layer + 1, layers=own.num_layers,
                          h=m.hidden_size, x=m.input_size))
