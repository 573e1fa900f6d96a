"""The case-study pages (last letter, next word): data, settings, live training, prediction.
Both pages call `render(name)`; the case itself (what it reads, its examples, its maps) is an
explorer.cases.Case, and everything shown comes from it and from its job.

- Every widget keeps its value for the whole session (persist_state="session"): leaving the page
  and coming back finds the same words, settings, example and try-it text.
- Nothing the user typed reaches Markdown unescaped (explorer.safe_text.md_escape).
"""
from __future__ import annotations

import streamlit as st

from explorer import cases, quiz
from explorer.draw import figures
from explorer.safe_text import md_escape
from explorer.shell import job_ui, jobs, lesson_ui, ui
from explorer.shell.state import K, lang, say, session_id
from explorer.shell.unitmap import unit_maps
from explorer.vocab import display_char

SETTINGS = {"hidden": [8, 16, 32, 64, 128], "lr": [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]}
POLL_SECONDS = 0.5
MAX_NAMED = 8        # unknown characters or words named in a notice
KEEP = "session"     # widgets keep their values across page switches


def key(case: cases.Case | str, *parts: str) -> str:
    """A case page's widget or piece of state (named by Keys.case): key("last_letter", "raw") == "case1_raw"."""
    case = cases.CASES[case] if isinstance(case, str) else case
    return K.case(case.prefix, *parts)


def named(items: list[str]) -> str:
    """Characters or words the user typed, each quoted and shown as itself (never as Markdown)."""
    shown = [say("quoted", s=md_escape(display_char(s))) for s in items[:MAX_NAMED]]
    return say("list_sep").join(shown) + ("…" if len(items) > MAX_NAMED else "")


def _words(case: cases.Case):
    """Case 1's training data: a word list from the text area, validated; None (after a message) when unusable."""
    raw = st.text_area(say("case1_words"), " ".join(cases.DEFAULT_WORDS), key=key(case, "raw"), height=100,
                       persist_state=KEEP)
    wl = cases.parse_words(raw)
    if wl.truncated_from:
        st.warning(say("case1_truncated", n=wl.truncated_from, cap=cases.MAX_WORDS))
    if wl.dropped_short:
        st.warning(say("case1_short", n=len(wl.dropped_short)))
    if wl.too_long:
        st.warning(say("case1_long", n=len(wl.too_long), cap=cases.MAX_WORD_LEN))
    if wl.dropped_duplicates:
        st.info(say("case1_duplicates", n=len(wl.dropped_duplicates)))
    if not wl.words:
        st.error(say("case1_empty"))
        return None
    return _within_caps(case, wl.words)


def _within_caps(case: cases.Case, data: list[str]):
    """The data, or None (after a sentence) when its training would be over the caps of symbols or memory."""
    over = cases.too_big(case, data)
    if over:
        st.error(say("case_too_big", **over))
        return None
    return data


def _held_out(case: cases.Case):
    """What is never trained on: case 1's words (fixed), case 2's sentences (a text area of their own)."""
    if not case.bidirectional:
        return case.held_out
    return st.text_area(say("case2_held_text"), cases.default_held_out(lang()), key=key(case, "held"), height=68,
                        max_chars=4000, help=say("case2_held_help"), persist_state=KEEP)


def _paragraph(case: cases.Case):
    """Case 2's training data: the words of a paragraph, validated; None (after a message) when unusable."""
    raw = st.text_area(say("case2_text"), cases.default_paragraph(lang()), key=key(case, "raw"), height=130,
                       persist_state=KEEP)
    tokens = cases.tokenize(raw)
    if len(tokens) > cases.MAX_TEXT_WORDS:
        st.warning(say("case2_truncated", n=len(tokens), cap=cases.MAX_TEXT_WORDS))
        tokens = tokens[: cases.MAX_TEXT_WORDS]
    if len(tokens) < 3:
        st.error(say("case2_empty"))
        return None
    return _within_caps(case, tokens)


DATA = {"last_letter": _words, "next_word": _paragraph}          # each case's data widget
UNKNOWN = {"last_letter": "case_unknown", "next_word": "case_unknown_words"}   # "not in what it learned"


def _settings(case: cases.Case) -> tuple[int, float, int, int]:
    d = case.defaults
    a, b, c, e = st.columns(4)
    hidden = a.select_slider(say("case_hidden"), SETTINGS["hidden"], d["hidden"], key=key(case, "hidden"),
                             persist_state=KEEP)
    lr = b.select_slider(say("case_lr"), SETTINGS["lr"], d["lr"], key=key(case, "lr"), persist_state=KEEP)
    steps = c.slider(say("case_steps"), 20, 2000, d["steps"], step=20, key=key(case, "steps"), persist_state=KEEP)
    seed = e.number_input(say("case_seed"), 0, 9999, d["seed"], key=key(case, "seed"), persist_state=KEEP)
    return hidden, lr, steps, seed


def _start(case: cases.Case, data, hidden: int, lr: float, steps: int, seed: int, held=None) -> None:
    from explorer.training import train_cases  # imports torch: only once someone trains

    try:
        jobs.start(session_id(), case.name, train_cases.train_job(case, data, hidden, lr, steps, seed, held=held))
        st.session_state[key(case, "error")] = None
    except jobs.TooManyJobs as refused:  # shown in the language of the moment, from the page
        st.session_state[key(case, "error")] = refused


def _reset(case: cases.Case) -> None:
    jobs.forget(session_id(), case.name)  # stops it, and the page starts afresh
    st.session_state[key(case, "error")] = None


def _example(case: cases.Case, shown: list[cases.Example]) -> int | None:
    """The example to watch (an index into `shown`); None when there is none."""
    k = key(case, "example")
    if not shown:
        return None
    kept = st.session_state.get(k)
    if kept is not None and not (isinstance(kept, int) and 0 <= kept < len(shown)):
        del st.session_state[k]  # the data changed under it (shrank, or new words): back to the default
    return st.selectbox(say("case_example"), range(len(shown)), index=case.default_example(shown),
                        format_func=lambda i: shown[i].label, key=k, persist_state=KEEP)


def both_ways(items: list[str], answer: str, p: str) -> str:
    """Markdown: the words h→ read (left to right) and h← read (right to left), and the word they name."""
    words = [md_escape(display_char(s)) for s in items]
    return "  \n".join([say("case2_read_fwd", words=" → ".join(words)),
                        say("case2_read_bwd", words=" ← ".join(words)),
                        say("case2_read_answer", best=md_escape(display_char(answer)), p=p)])


def _prediction(snap: cases.Snapshot, case: cases.Case, items: list[str], where: str) -> None:
    """The model's guess for `items` and its maps; `where`: live (the training's example) or try (typed)."""
    reading = cases.read(snap, items)
    if reading is None:
        unknown = list(dict.fromkeys(s for s in items if s not in snap.symbols))
        st.warning(say(UNKNOWN[case.name], items=named(unknown)))
        return
    best = int(reading.probs.argmax())
    left, right = st.columns([1, 2])
    with left:
        st.markdown("**" + say("case_prediction") + "**")
        if case.bidirectional:       # the words on each side of what it predicts: both directions read them
            st.markdown(both_ways(items, snap.symbols[best], f"{reading.probs[best]:.0%}"))
        else:
            st.markdown(say("case_answer", best=md_escape(display_char(snap.symbols[best])),
                             p=f"{reading.probs[best]:.0%}"))
        ui.chart(figures.top_guesses(reading.probs, snap.symbols, lang(), k=5), key=key(case, where, "probs"))
    with right:
        unit_maps(case.maps(reading), tuple(items), lang(), key=key(case, where, "maps"))


def show_me(case: cases.Case) -> None:
    """The notice's button: the lesson's data and settings back, the first example, and Train pressed."""
    for part, value in (("raw", " ".join(cases.DEFAULT_WORDS) if not case.bidirectional else cases.default_paragraph(lang())),
                        *((("held", cases.default_held_out(lang())),) if case.bidirectional else ()),
                        *case.defaults.items()):
        st.session_state[key(case, part)] = value
    st.session_state.pop(key(case, "example"), None)
    data = cases.tokenize(cases.default_paragraph(lang())) if case.bidirectional else list(cases.DEFAULT_WORDS)
    held = cases.default_held_out(lang()) if case.bidirectional else None
    _start(case, data, **case.defaults, held=held)


def held_out_rows(snap: cases.Snapshot, case: cases.Case, examples: list[cases.Example], cap: int = 12) -> str:
    """Markdown lines: each example never trained on, the model's guess, and whether it is right."""
    lines = []
    for e in cases.askable(snap, examples)[:cap]:
        r = cases.read(snap, e.items)
        guess = snap.symbols[int(r.probs.argmax())]
        mark = "✓" if guess == e.answer else "✗ " + say("case_right_was", right=md_escape(display_char(e.answer)))
        shown = " ".join(md_escape(display_char(s)) for s in e.items) if case.bidirectional else md_escape(e.label[:-1])
        lines.append(f"- {shown} → **{md_escape(display_char(guess))}** {mark}")
    return "\n".join(lines)


def question(case: cases.Case, job, examples: list[cases.Example]) -> None:
    """Predict, then reveal: what the model, as it is now, says on one example it never trained on. Asked once
    the training has stopped or is paused (so the answer does not move under the guess)."""
    if job is None or job.result is None or (job.running and not job.paused):
        with st.container(border=True):
            st.markdown(f"**{say('predict_title')}** · " + say("case_q_wait"))
        return
    q = quiz.never_trained_on(job.result, examples, case.bidirectional, lang())
    if q is None:
        with st.container(border=True):
            st.markdown(f"**{say('predict_title')}** · " + say("case_q_none"))
        return
    lesson_ui.predict_reveal(q, case.prefix)


def render(name: str) -> None:
    case = cases.CASES[name]
    st.title(say(case.prefix + "_title"))
    lesson_ui.notice(case.prefix, action=lambda: show_me(case))
    st.write(say(case.prefix + "_intro"))
    session = session_id()
    jobs.heartbeat(session)
    data = DATA[case.name](case)
    held = _held_out(case)
    held_examples = case.held_out_examples(held, data or [])
    hidden, lr, steps, seed = _settings(case)

    job = jobs.get(session, case.name)
    x, y, z, _ = st.columns([1, 1, 1, 3])
    x.button(say("case_train"), type="primary", disabled=data is None, key=key(case, "train"),
             on_click=_start, args=(case, data, hidden, lr, steps, seed, held))
    if job is not None and job.running:
        y.button(say("case_resume") if job.paused else say("case_pause"), key=key(case, "pause"),
                 on_click=job.pause, args=(not job.paused,))
    z.button(say("case_reset"), key=key(case, "reset"), on_click=_reset, args=(case,), disabled=job is None)
    refused = st.session_state.get(key(case, "error"))
    if refused:
        st.warning(job_ui.refusal(refused))

    shown = case.examples(data or [])
    example = _example(case, shown)

    def live(j) -> None:
        if j is None:
            st.info(say("case_not_started"))
            return
        progress, history = j.snapshot()
        if j.error:
            st.error(say("jobs_failed"))
        status = say("case_paused") if j.paused else say("case_running") if j.running else say("case_done")
        st.markdown(f"**{status}** · " + say("case_progress", step=progress.get("step", 0),
                                                   loss=f"{progress.get('loss', float('nan')):.3f}",
                                                   acc=f"{progress.get('accuracy', 0):.0%}"))
        if "held_out" in progress:   # the examples never trained on
            st.markdown(say(case.prefix + "_held_out", n=progress["held_out_n"], acc=f"{progress['held_out']:.0%}"))
        if history:
            held_curve = [h.get("held_out") for h in history] if "held_out" in progress else None
            ui.chart(figures.training_curves([h["step"] for h in history], [h["loss"] for h in history],
                                                    [h["accuracy"] for h in history], say("case_loss"),
                                                    say("mem_axis_acc"), say("case_step"), held_curve,
                                                    say(case.prefix + "_held_out_curve")), key=key(case, "curve"))
        snap = j.result
        if snap is not None and example is not None:
            st.markdown("**" + say("case_example_gates", ex=md_escape(shown[example].label)) + "**")
            _prediction(snap, case, shown[example].items, "live")

    job_ui.follow(case.name, POLL_SECONDS, live, ended_key=key(case, "shown"))

    st.subheader(say("case_never_title"))
    job = jobs.get(session, case.name)
    question(case, job, held_examples)
    if job is not None and job.result is not None and cases.askable(job.result, held_examples):
        folded = not lesson_ui.revealed(case.prefix)       # the guesses give the question's answer away: folded until then
        with st.expander(say("q_folded") if folded else say("case_never_rows"), expanded=not folded):
            st.markdown(held_out_rows(job.result, case, held_examples))

    st.subheader(say("case_try"))
    typed = st.text_input(say(case.prefix + "_input"),
                          key=key(case, "input"), max_chars=200, persist_state=KEEP)  # kept while training runs
    if case.bidirectional and shown:        # case 2 reads only the last few words typed: say how many
        st.caption(say("case2_try_note", n=cases.CONTEXT, ex=md_escape(shown[case.default_example(shown)].label)))
    job = jobs.get(session, case.name)
    if job is None or job.result is None:
        st.caption(say("case_try_first"))
        return
    items = case.items(typed)
    if items:
        _prediction(job.result, case, items, "try")
