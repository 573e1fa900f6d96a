"""Check yourself: five questions on the whole path, each answer the models' own where a model decides it."""
import streamlit as st

from explorer import quiz
from explorer.shell import cached, lesson_ui
from explorer.shell.state import lang, say
from explorer.texts import COUNTER_TEXT

st.title(say("check_title"))
lesson_ui.notice("check")
st.write(say("check_intro"))
lang_ = lang()
unit = cached.probe_result()["column"]["unit"]
counting = cached.shipped_trace(COUNTER_TEXT)   # the questions are the shipped model's, whichever is shown
questions = [quiz.which_gate(lang_), quiz.forget_at_break(counting, unit, lang_),
             quiz.gradient_memory(cached.gradient_norms("rnn", quiz.MEMORY_TEXT), cached.gradient_norms("lstm", quiz.MEMORY_TEXT), lang_),
             quiz.concat_size(cached.bimodel(), lang_), quiz.lstm_parameters(64, 16, lang_)]
about = [None, COUNTER_TEXT, quiz.MEMORY_TEXT, None, None]     # the texts two of them are asked on, shown
results = [lesson_ui.predict_reveal(q, f"check{k}", about[k]) for k, q in enumerate(questions)]
st.markdown("**" + say("check_score", right=sum(r is True for r in results), total=len(questions)) + "**")
