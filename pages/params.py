"""Parameter count: the lesson's formula, worked out, and checked against the real modules."""
import streamlit as st

from explorer import ui
from explorer.params import formula_count, lesson_lstm, terms_latex, torch_count

st.title(ui.t("params_title"))
st.write(ui.t("params_intro"))
st.latex(r"\text{LSTM} = 4\cdot\big[\,h\cdot(h+x) + h\,\big]")
a, b, c, d = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
h = a.slider(ui.t("params_h"), 1, 512, 128, key="params_h")
x = b.slider(ui.t("params_x"), 1, 512, 32, key="params_x")
layers = c.number_input(ui.t("params_layers"), 1, 4, 1, key="params_layers")
bi = d.checkbox(ui.t("params_bi"), key="params_bi")

st.subheader(ui.t("params_lesson"))
st.latex(terms_latex(h, x, biases=1))
st.caption(ui.t("params_terms", w=f"{h * (h + x):,}", b=h))
st.subheader(ui.t("params_torch"))
formula, real = st.columns([5, 3], vertical_alignment="center")
formula.latex(terms_latex(h, x, biases=2))
count = torch_count("lstm", h, x)
real.metric(ui.t("params_real", module=f"nn.LSTM({x}, {h})"), f"{count:,}",
            delta=ui.t("params_match") if count == formula_count("lstm", h, x) else ui.t("params_mismatch"),
            delta_color="normal" if count == formula_count("lstm", h, x) else "inverse")

st.subheader(ui.t("params_table_title", layers=layers, bi=ui.t("yes") if bi else ui.t("no")))
rows = []
for kind, name in (("lstm", "LSTM"), ("gru", "GRU"), ("rnn", "RNN")):
    formula = formula_count(kind, h, x, layers, bi)
    real = torch_count(kind, h, x, layers, bi)
    rows.append({ui.t("params_col_model"): f"nn.{name}", ui.t("params_col_blocks"): {"lstm": 4, "gru": 3, "rnn": 1}[kind],
                 ui.t("params_col_formula"): formula, ui.t("params_col_real"): real,
                 ui.t("params_col_same"): "✓" if formula == real else "✗"})
rows.append({ui.t("params_col_model"): ui.t("params_keras"), ui.t("params_col_blocks"): 4,
             ui.t("params_col_formula"): formula_count("lstm", h, x, layers, bi, biases=1),
             ui.t("params_col_real"): None, ui.t("params_col_same"): ""})
st.dataframe(rows, hide_index=True, width="stretch")
st.markdown(ui.t("params_notes", lesson=f"{lesson_lstm(h, x):,}", torch=f"{formula_count('lstm', h, x):,}", h=h,
                 bi=f"{formula_count('lstm', h, x, 1, True):,}", x2=h))
