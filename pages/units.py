"""Unit explorer: select the units on a span of your text, match their pattern in a corpus, open a unit's
card, and see how the gates saturate (explorer/shell/unit_page.py, numbers from explorer/units.py)."""
import streamlit as st

from explorer.shell import ui
from explorer.shell import unit_page as up
from explorer.shell.state import K

st.title(ui.say("units_title"))
ui.notice("units", action=up.show_me)
st.write(ui.say("units_intro"))
kind = up.kind_picker()
text = ui.text_box((kind,), key=K.live("units"), on_click=lambda t_, j: up.open_card(j))
with st.spinner(ui.say("ux_building")):
    up.index()
H = ui.model().hidden_size
if not text:
    st.info(ui.say("empty_hint"))
else:
    trace = ui.cached_trace(text)
    ui.unknown_note(trace)
    threshold = up.threshold_slider(kind)
    if len(trace) < 2:
        st.info(ui.say("ux_short"))
    else:
        found = up.select_section(trace, kind, threshold)
        up.match_section(trace, kind, threshold, found, H)
    up.card(trace, kind, H)
up.saturation_section()
