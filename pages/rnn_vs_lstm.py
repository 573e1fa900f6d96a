"""RNN vs LSTM: how far back can each remember? Measured on gradients and on a recall task."""
import numpy as np
import streamlit as st

from explorer import memory, quiz
from explorer.draw import figures
from explorer.shell import cached, job_ui, jobs, lesson_ui, textbox, ui
from explorer.shell.state import K, say, session_id, set_text

GRAD_CAP = 200  # characters for the gradient chart (autograd, one backward pass per unit)

st.title(say("mem_title"))
lesson_ui.notice("memory")
st.write(say("mem_intro"))
st.latex(r"\text{RNN: } h_t = \tanh(W\cdot[h_{t-1}, x_t] + b)")
st.latex(r"\text{LSTM: } C_t = f_t\odot C_{t-1} + i_t\odot\tilde C_t")

text = textbox.text_box()
st.subheader(say("mem_grad_title"))
reads = cached.memory_reader()[0]
st.caption(say("mem_grad_caption", n=memory.GRADIENT_N, cap=GRAD_CAP, s=len(reads),
                  z=sum("\u4e00" <= c <= "\u9fff" for c in reads)))
readable = memory.letters(text[-GRAD_CAP:], reads)
if len(text) < 2:
    st.info(say("mem_grad_short"))
elif readable < max(2, len(text[-GRAD_CAP:]) // 2):       # mostly not letters (Chinese, digits, symbols)
    st.warning(say("mem_letters_only", k=readable, n=len(text[-GRAD_CAP:])))
    st.button(say("mem_use_example"), key=K.MEM_EXAMPLE, on_click=set_text, args=(quiz.MEMORY_TEXT,),
              icon=":material/input:")
else:
    text = text[-GRAD_CAP:]
    dist = np.arange(len(text))[::-1]  # T-1-t for t = 0..T-1
    series = [(name, cached.gradient_norms(kind, text)[::-1], color)
              for kind, name, color in (("rnn", "RNN", "#e4572e"), ("lstm", "LSTM", "#3b6ea8"))]
    ui.chart(figures.log_lines(dist[::-1], series, say("mem_axis_distance"), say("mem_axis_grad")),
                    key=K.MEM_GRADS)
    floored = figures.below_floor(series)
    if floored:
        st.caption(say("mem_grad_floor", names=" / ".join(floored),
                        floor=figures.power_text(figures.LOG_FLOOR_POWER)))

st.subheader(say("mem_task_title"))
st.caption(say("mem_task_caption", chance=f"{1 / len(memory.ALPHABET):.0%}"))
shipped = cached.memory_accuracies()
series = [("RNN", shipped["rnn"], "#e4572e", "solid"), ("LSTM", shipped["lstm"], "#3b6ea8", "solid")]

session = session_id()
if st.button(say("mem_retrain"), key=K.MEM_RETRAIN) and (refused := job_ui.retrain_memory()):
    st.warning(refused)


def retrain_status(j) -> None:
    if j is None:
        return
    if j.running:
        p, _ = j.snapshot()
        st.progress(min(1.0, (p.get("done", 0)) / len(memory.DISTANCES)),
                    text=say("mem_training", n=p.get("n", "…"), kind=p.get("kind", "…")))
        st.button(say("mem_stop"), key=K.MEM_STOP, on_click=jobs.stop, args=(session, "memory"))
    elif j.error:
        st.error(say("jobs_failed"))
    elif j.result is not None:
        st.success(say("mem_retrained"))


job_ui.follow("memory", 1.0, retrain_status, ended_key=K.MEM_SHOWN)
job = jobs.get(session, "memory")
if job is not None and job.finished and job.result is not None:
    series += [(say("mem_yours", m="RNN"), job.result["rnn"], "#e4572e", "dot"),
               (say("mem_yours", m="LSTM"), job.result["lstm"], "#3b6ea8", "dot")]
ui.chart(figures.accuracy_lines(memory.DISTANCES, series, say("mem_axis_n"), say("mem_axis_acc"),
                                       1 / len(memory.ALPHABET)), key=K.MEM_ACCURACY)
