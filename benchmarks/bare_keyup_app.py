"""The yardstick for a server run in benchmarks/keystroke.py: a keyup box (no debounce) and one line
of text, nothing else. Run as its own Streamlit app."""
import streamlit as st
from st_keyup import st_keyup

text = st_keyup("text", value=st.query_params.get("text", ""), key="text_box")
st.text(f"{len(text)} characters")
