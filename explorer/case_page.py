"""The case-study pages (last letter, next word): data, settings, live training, prediction.
Both pages call `render(case)`; everything they show comes from explorer.cases and the job."""
from __future__ import annotations

import streamlit as st

from explorer import cases, figures, jobs, ui
from explorer.textview import chips_html
from explorer.unitmap import unit_maps

SETTINGS = {"hidden": [8, 16, 32, 64, 128], "lr": [0.001, 0.003, 0.01, 0.03, 0.1]}
POLL_SECONDS = 0.5


def _data(case: str):
    """The training data from the text area, validated; None (after a message) when unusable."""
    if case == "last_letter":
        raw = st.text_area(ui.t("case1_words"), " ".join(cases.DEFAULT_WORDS), key="case1_raw", height=100)
        wl = cases.parse_words(raw)
        if wl.truncated_from:
            st.warning(ui.t("case1_truncated", n=wl.truncated_from, cap=cases.MAX_WORDS))
        if wl.dropped_short:
            st.warning(ui.t("case1_short", n=len(wl.dropped_short)))
        if wl.too_long:
            st.warning(ui.t("case1_long", n=len(wl.too_long), cap=cases.MAX_WORD_LEN))
        if wl.dropped_duplicates:
            st.info(ui.t("case1_duplicates", n=len(wl.dropped_duplicates)))
        if not wl.words:
            st.error(ui.t("case1_empty"))
            return None
        return wl.words
    raw = st.text_area(ui.t("case2_text"), cases.DEFAULT_PARAGRAPH, key="case2_raw", height=130)
    tokens = cases.tokenize(raw)
    if len(tokens) > cases.MAX_TEXT_WORDS:
        st.warning(ui.t("case2_truncated", n=len(tokens), cap=cases.MAX_TEXT_WORDS))
        tokens = tokens[: cases.MAX_TEXT_WORDS]
    if len(tokens) < 3:
        st.error(ui.t("case2_empty"))
        return None
    return tokens


def _start(case: str, data, hidden: int, lr: float, steps: int, seed: int) -> None:
    try:
        jobs.start(ui.session_id(), case, cases.train_job(case, data, hidden, lr, steps, seed))
        st.session_state[case + "_error"] = None
    except jobs.TooManyJobs:
        st.session_state[case + "_error"] = ui.t("jobs_busy", n=jobs.MAX_RUNNING)


def _reset(case: str) -> None:
    jobs.forget(ui.session_id(), case)  # stops it, and the page starts afresh


def _maps(reading: cases.Reading, case: str) -> dict:
    if case == "last_letter":
        r = reading.forward
        return {"forget": r.forget, "input": r.input, "cell": r.cell, "output": r.output, "hidden": r.hidden}
    return {"forget": reading.forward.forget, "forward": reading.forward.hidden, "backward": reading.backward.hidden}


def _prediction(snap: cases.Snapshot, case: str, items: list[str], key: str) -> None:
    reading = cases.read(snap, items)
    if reading is None:
        unknown = [s for s in items if s not in snap.symbols]
        st.warning(ui.t("case_unknown", items=" ".join(f"U+{ord(c):04X}" if len(c) == 1 else f"#{len(c)}" for c in unknown[:5]))
                   if case == "last_letter" else ui.t("case_unknown_words", n=len(unknown)))
        return
    best = int(reading.probs.argmax())
    left, right = st.columns([1, 2])
    with left:
        st.markdown("**" + ui.t("case_prediction") + "**")
        st.html(chips_html([snap.symbols[best]] if case == "last_letter" else ["→"]))
        if case != "last_letter":
            st.code(snap.symbols[best], language=None)
        st.plotly_chart(figures.top_guesses(reading.probs, snap.symbols, ui.lang(), k=5), key=key + "_probs")
    with right:
        unit_maps(_maps(reading, case), tuple(items), ui.lang(), key=key + "_maps")


def render(case: str) -> None:
    c = "case1" if case == "last_letter" else "case2"
    st.title(ui.t(c + "_title"))
    st.write(ui.t(c + "_intro"))
    session = ui.session_id()
    jobs.heartbeat(session)
    data = _data(case)

    a, b, d, e = st.columns(4)
    hidden = a.select_slider(ui.t("case_hidden"), SETTINGS["hidden"], 32, key=c + "_hidden")
    lr = b.select_slider(ui.t("case_lr"), SETTINGS["lr"], 0.01, key=c + "_lr")
    steps = d.slider(ui.t("case_steps"), 20, 2000, 300 if case == "last_letter" else 600, step=20, key=c + "_steps")
    seed = e.number_input(ui.t("case_seed"), 0, 9999, 0, key=c + "_seed")
    job = jobs.get(session, case)
    x, y, z, _ = st.columns([1, 1, 1, 3])
    x.button(ui.t("case_train"), type="primary", disabled=data is None, key=c + "_train",
             on_click=_start, args=(case, data, hidden, lr, steps, seed))
    if job is not None and job.running:
        y.button(ui.t("case_resume") if job.paused else ui.t("case_pause"), key=c + "_pause",
                 on_click=job.pause, args=(not job.paused,))
    z.button(ui.t("case_reset"), key=c + "_reset", on_click=_reset, args=(case,), disabled=job is None)
    if st.session_state.get(c + "_error"):
        st.warning(st.session_state[c + "_error"])

    examples = data or []
    if case == "last_letter":
        labels = examples
    else:
        labels = [" ".join(examples[max(0, k - cases.CONTEXT):k]) for k in range(1, min(len(examples), 40))]
    example = st.selectbox(ui.t("case_example"), range(len(labels)), format_func=lambda i: labels[i],
                           key=c + "_example") if labels else None

    @st.fragment(run_every=POLL_SECONDS if job is not None and job.running else None)
    def live():
        jobs.heartbeat(session)
        j = jobs.get(session, case)
        if j is None:
            st.info(ui.t("case_not_started"))
            return
        progress, history = j.snapshot()
        if j.error:
            st.error(ui.t("jobs_failed"))
        status = ui.t("case_paused") if j.paused else ui.t("case_running") if j.running else ui.t("case_done")
        st.markdown(f"**{status}** · " + ui.t("case_progress", step=progress.get("step", 0),
                                                   loss=f"{progress.get('loss', float('nan')):.3f}",
                                                   acc=f"{progress.get('accuracy', 0):.0%}"))
        if history:
            st.plotly_chart(figures.training_curves([h["step"] for h in history], [h["loss"] for h in history],
                                                    [h["accuracy"] for h in history], ui.t("case_loss"),
                                                    ui.t("mem_axis_acc"), ui.t("case_step")), key=c + "_curve")
        snap = j.result
        if snap is not None and example is not None and example < len(labels):
            items = list(examples[example][:-1]) if case == "last_letter" else \
                examples[max(0, example + 1 - cases.CONTEXT):example + 1]
            st.markdown("**" + ui.t("case_example_gates", ex=labels[example]) + "**")
            _prediction(snap, case, items, key=c + "_live")
        if not j.running and st.session_state.get(c + "_shown") != id(j):
            st.session_state[c + "_shown"] = id(j)
            st.rerun()

    live()

    st.subheader(ui.t("case_try"))
    job = jobs.get(session, case)
    if job is None or job.result is None:
        st.caption(ui.t("case_try_first"))
        return
    typed = st.text_input(ui.t("case1_input") if case == "last_letter" else ui.t("case2_input"), key=c + "_input",
                          max_chars=200)
    items = list(typed) if case == "last_letter" else cases.tokenize(typed)[-cases.CONTEXT:]
    if items:
        _prediction(job.result, case, items, key=c + "_try")
