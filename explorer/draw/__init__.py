"""Drawing: arrays in, figures, images or HTML out; no Streamlit, no torch."""
