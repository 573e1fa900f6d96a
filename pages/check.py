"""Check yourself: five questions on the whole path, each answer the models' own where a model decides it."""
import streamlit as st

from explorer import quiz
from explorer.shell import ui

st.title(ui.say("check_title"))
ui.notice("check")
st.write(ui.say("check_intro"))
lang = ui.lang()
unit = ui.probe_result()["column"]["unit"]
counting = ui.cached_trace(ui.COUNTER_TEXT)
questions = [quiz.which_gate(lang), quiz.forget_at_break(counting, unit, lang),
             quiz.gradient_memory(ui.gradient_norms("rnn", quiz.MEMORY_TEXT), ui.gradient_norms("lstm", quiz.MEMORY_TEXT), lang),
             quiz.concat_size(ui.bimodel(), lang), quiz.lstm_parameters(64, 16, lang)]
about = [None, ui.COUNTER_TEXT, quiz.MEMORY_TEXT, None, None]     # the texts two of them are asked on, shown
results = [ui.predict_reveal(q, f"check{k}", about[k]) for k, q in enumerate(questions)]
st.markdown("**" + ui.say("check_score", right=sum(r is True for r in results), total=len(questions)) + "**")
