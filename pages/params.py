"""Parameter count: the lesson's formula, worked out, and checked against the real modules."""
import streamlit as st

from explorer.params import BLOCKS, formula_count, layer_inputs, lesson_lstm, torch_count, worked_latex
from explorer.quiz import PARAMS_SIZES
from explorer.shell import lesson_ui
from explorer.shell.state import K, say

st.title(say("params_title"))
lesson_ui.notice("params")
st.write(say("params_intro"))
st.latex(r"\text{LSTM} = 4\cdot\big[\,h\cdot(h+x) + h\,\big]")
lesson_ui.page_question("params", placed=True)          # asked before any count is shown
a, b, c, d = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
h = a.slider(say("params_h"), 1, 512, 128, key=K.PARAMS_H)
x = b.slider(say("params_x"), 1, 512, 32, key=K.PARAMS_X)
layers = c.number_input(say("params_layers"), 1, 4, 1, key=K.PARAMS_LAYERS)
bi = d.checkbox(say("params_bi"), key=K.PARAMS_BI)
asked = (h, x, layers, bi) == (*PARAMS_SIZES, 1, False) and not lesson_ui.revealed("params")   # the question's own module
counts = st.expander(say("q_folded"), expanded=False) if asked else st.container()
with counts:
    st.subheader(say("params_lesson"))
    st.latex(worked_latex(h, x, layers, bi, biases=1))
    st.caption(say("params_terms", w=f"{h * (h + x):,}", b=h))
    if layers > 1 or bi:
        st.caption(say("params_stack_note", x=x, x2=layer_inputs(h, x, 2, bi)[1]))
    st.subheader(say("params_torch"))
    st.latex(worked_latex(h, x, layers, bi, biases=2))      # the whole width: a long sum, in 中文 too
    count, expected = torch_count("lstm", h, x, layers, bi), formula_count("lstm", h, x, layers, bi)
    options = (f", num_layers={layers}" if layers > 1 else "") + (", bidirectional=True" if bi else "")
    st.metric(say("params_real", module=f"`nn.LSTM({x}, {h}{options})`"), f"{count:,}",
                delta=say("params_match") if count == expected else say("params_mismatch"),
                delta_color="normal" if count == expected else "inverse", delta_arrow="off")

    st.subheader(say("params_table_title", layers=layers, bi=say("yes") if bi else say("no")))
    rows = []  # numbers as text with thousands separators: one type per column (Arrow), and easy to read
    for kind, name in (("lstm", "LSTM"), ("gru", "GRU"), ("rnn", "RNN")):
        n_formula, n_real = formula_count(kind, h, x, layers, bi), torch_count(kind, h, x, layers, bi)
        rows.append({say("params_col_model"): f"nn.{name}", say("params_col_blocks"): BLOCKS[kind],
                     say("params_col_formula"): f"{n_formula:,}", say("params_col_real"): f"{n_real:,}",
                     say("params_col_same"): "✓" if n_formula == n_real else "✗"})
    rows.append({say("params_col_model"): say("params_keras"), say("params_col_blocks"): BLOCKS["lstm"],
                 say("params_col_formula"): f"{formula_count('lstm', h, x, layers, bi, biases=1):,}",
                 say("params_col_real"): say("params_keras_real"), say("params_col_same"): ""})
    st.dataframe(rows, hide_index=True, width="stretch")
    st.markdown(say("params_notes", lesson=f"{lesson_lstm(h, x):,}", torch=f"{formula_count('lstm', h, x):,}", h=h,
                     bi=f"{formula_count('lstm', h, x, 1, True):,}", x2=h))
