"""Bi-LSTM: one LSTM reads left to right, another right to left; y_t = [h→_t ; h←_t]."""
import streamlit as st

from explorer.bilstm import HIDE
from explorer.draw import figures
from explorer.quiz import GAP_TEXT
from explorer.safe_text import md_escape
from explorer.shell import cached, lesson_ui, textbox, ui
from explorer.shell.state import K, lang, say, set_text
from explorer.vocab import display_char

st.title(say("bi_title"))
lesson_ui.notice("bilstm")
st.write(say("bi_intro"))
st.latex(r"y_t = \big[\,\overrightarrow{h}_t\;;\;\overleftarrow{h}_t\,\big]")
with st.container(horizontal=True):           # each button as wide as its label: the two never cut alike
    for example in ("我爱中国", "我爱?国"):
        st.button(say("bi_example", ex=example), on_click=set_text, args=(example,))
H = cached.bimodel().hidden_size
st.subheader(say("bi_maps_title"))
st.caption(say("bi_maps_caption", h=H, h2=2 * H))
text = textbox.text_box(("forward", "backward", "concat"), key=K.live("bilstm"), model_name="bilstm",
                   heights={"concat": 2 * 118},                                       # y is twice as tall,
                   splits={"concat": (H, f"h→ · 0–{H - 1}", f"h← · {H}–{2 * H - 1}")})  # h→ above h←
if text:
    bt = cached.cached_bi_trace(text)
    ui.chart(figures.reading_directions(bt.chars, lang()), key=K.BI_DIRECTIONS)
    st.subheader(say("bi_at_t_title"))
    # t starts at 0 and stays within the text; set before the slider (Show me sets it too), not as its default
    st.session_state[K.BI_T] = min(st.session_state.get(K.BI_T, 0), max(len(bt) - 1, 1))
    t = st.slider(say("pick_t"), 0, max(len(bt) - 1, 1), key=K.BI_T, disabled=len(bt) == 1)
    t = min(t, len(bt) - 1)
    st.caption(say("bi_at_t_caption", t=t, c=md_escape(display_char(bt.chars[t])), h=H, h2=2 * H))
    H = bt.forward.hidden.shape[1]
    ui.chart(figures.vectors_at([("h→", bt.forward.hidden[t], 0), ("h←", bt.backward.hidden[t], H),
                                        ("y = [h→ ; h←]", bt.output[t], 0)]), key=K.BI_VECTORS)
    hidden = [i for i, m in enumerate(bt.hidden_mask) if m]
    st.subheader(say("bi_guess_title", hide=HIDE))
    lesson_ui.page_question("bilstm", placed=True)      # asked before the guesses at the gap are shown
    if not hidden:
        st.caption(say("bi_guess_none", hide=HIDE))
    else:
        st.caption(say("bi_gap_legend"))
    asked = text == GAP_TEXT and not lesson_ui.revealed("bilstm")     # the question's own sentence
    with st.expander(say("q_folded"), expanded=False) if asked and hidden else st.container():
        for i in hidden[:5]:
            st.markdown("**" + say("bi_guess_at", t=i) + "**")
            ui.chart(figures.top_guesses(bt.char_probs[i], cached.bimodel().vocab.chars, lang(), k=5),
                            key=K.bi_guess(i))
else:
    lesson_ui.page_question("bilstm", placed=True)
