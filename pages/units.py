"""Unit explorer: select the units on a span of your text, match their pattern in a corpus, open a unit's
card, and see how the gates saturate (explorer/shell/unit_page.py, numbers from explorer/units.py)."""
import streamlit as st

from explorer.shell import cached, lesson_ui, textbox
from explorer.shell import unit_page as up
from explorer.shell.state import K, say

st.title(say("units_title"))
lesson_ui.notice("units", action=up.show_me)
st.write(say("units_intro"))
kind = up.kind_picker()
text = textbox.text_box((kind,), key=K.live("units"), on_click=lambda t_, j: up.open_card(j))
with st.spinner(say("ux_building")):
    up.index()
H = cached.model().hidden_size
if not text:
    st.info(say("empty_hint"))
else:
    trace = cached.cached_trace(text)
    textbox.unknown_note(trace)
    threshold = up.threshold_slider(kind)
    if len(trace) < 2:
        st.info(say("ux_short"))
    else:
        found = up.select_section(trace, kind, threshold)
        up.match_section(trace, kind, threshold, found, H)
    up.card(trace, kind, H)
up.saturation_section()
