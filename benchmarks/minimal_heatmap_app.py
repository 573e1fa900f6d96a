"""The yardstick for drawing in benchmarks/keystroke.py: a keyup text box and one plotly heatmap of H × T
values, nothing else. Run as its own Streamlit app."""
import numpy as np
import plotly.graph_objects as go
import streamlit as st
from st_keyup import st_keyup

H = 128
text = st_keyup("text", value=st.query_params.get("text", ""), key="text_box")  # no debounce: a run per key
st.session_state.runs = st.session_state.get("runs", 0) + 1  # new values each run, as typing gives:
rng = np.random.default_rng(st.session_state.runs)            # Streamlit re-sends a repeated chart by reference
z = rng.random((H, max(1, len(text))))
st.plotly_chart(go.Figure(go.Heatmap(z=z)), key="heatmap")
