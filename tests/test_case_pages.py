"""The case-study pages as a student meets them: refusals they can read, words that stay, text that is
never markup, and a first example that the model gets right. Run by AppTest."""
import re
import time

import pytest

from explorer import cases
from explorer.i18n import say
from explorer.safe_text import md_escape
from explorer.shell import jobs
from explorer.shell.case_page import key
from tests.helpers.apptest import open_page

HOSTILE = ["**bold**", ":red[x]", r"$\frac{a}{b}$", r"$\rule{99em}{99em}$", "<b>hi</b>", "make", "need"]


def newest(name: str) -> jobs.Job:
    return max((j for (_, n), j in jobs._jobs.items() if n == name), key=lambda j: j.started)


def train_to_the_end(at, case: str, seconds: float = 90) -> jobs.Job:
    """Wait for the page's training to finish (the test keeps the session alive), then rerun the page."""
    job = newest(case)
    end = time.time() + seconds
    while job.running and time.time() < end:
        jobs.heartbeat(job.session)
        time.sleep(0.1)
    assert job.finished and job.error is None
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return job


def shown_text(at) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "warning", "info", "error") for e in at.get(kind))


def unescaped_dollar(text: str) -> bool:
    return re.search(r"(?<!\\)\$", text) is not None


def idle(job):
    while not job.stopped():
        time.sleep(0.05)


def test_the_busy_server_warning_is_shown(monkeypatch):
    monkeypatch.setattr(jobs, "MAX_RUNNING", 1)
    other = jobs.start("another-student", "last_letter", idle)
    try:
        at = open_page("case_last_letter")
        at.button(key="case1_train").click().run()
        assert say("jobs_busy", "en", n=1) in [w.value for w in at.warning]
        assert at.session_state[key("last_letter", "error")] is not None
    finally:
        other.stop()


def test_one_training_per_student_is_explained():
    at = open_page("case_last_letter")
    at.slider(key="case1_steps").set_value(2000).run()
    at.button(key="case1_train").click().run()
    first = newest("last_letter")
    try:
        at.switch_page("../pages/case_next_word.py")
        at.run()
        at.button(key="case2_train").click().run()
        assert say("jobs_session_busy", "en", name=say("job_last_letter", "en")) in [w.value for w in at.warning]
        assert jobs.get(first.session, "next_word") is None and first.running
    finally:
        jobs.forget(first.session, "last_letter")


def test_words_and_settings_survive_leaving_the_page():
    at = open_page("case_last_letter")
    at.text_area(key="case1_raw").set_value("cold warm rain snow").run()
    at.slider(key="case1_steps").set_value(120).run()
    at.select_slider(key="case1_hidden").set_value(16).run()
    at.number_input(key="case1_seed").set_value(7).run()
    at.selectbox(key="case1_example").set_value(2).run()
    at.text_input(key="case1_input").input("sno").run()
    at.switch_page("../pages/params.py")
    at.run()
    at.switch_page("../pages/case_last_letter.py")
    at.run()
    assert not at.exception
    assert at.text_area(key="case1_raw").value == "cold warm rain snow"
    assert at.slider(key="case1_steps").value == 120 and at.select_slider(key="case1_hidden").value == 16
    assert at.number_input(key="case1_seed").value == 7 and at.selectbox(key="case1_example").value == 2
    assert at.text_input(key="case1_input").value == "sno"


def test_try_it_keeps_its_words_while_training_runs():
    at = open_page("case_last_letter")
    at.text_input(key="case1_input").input("mak").run()            # typed before there is a model
    at.button(key="case1_train").click().run()
    assert at.text_input(key="case1_input").value == "mak"           # still there while it trains
    train_to_the_end(at, "last_letter")
    assert at.text_input(key="case1_input").value == "mak"
    assert any(m.value.startswith("→ **e**") for m in at.markdown)    # mak → e


def test_unknown_characters_are_named_as_themselves():
    at = open_page("case_last_letter")
    at.slider(key="case1_steps").set_value(20).run()
    at.button(key="case1_train").click().run()
    train_to_the_end(at, "last_letter")
    at.text_input(key="case1_input").input("x$y").run()
    warning = next(w.value for w in at.warning if "x" in w.value)
    assert "U+" not in warning
    assert warning == say("case_unknown", "en", items="“x”, “\\$”, “y”")


def test_nothing_typed_is_rendered_as_markup():
    at = open_page("case_last_letter")
    at.text_area(key="case1_raw").set_value(" ".join(HOSTILE)).run()
    at.slider(key="case1_steps").set_value(20).run()
    at.button(key="case1_train").click().run()
    train_to_the_end(at, "last_letter")
    for k, word in enumerate(HOSTILE[:5]):
        at.selectbox(key="case1_example").set_value(k).run()
        gates = say("case_example_gates", "en", ex=md_escape(word))
        assert "**" + gates + "**" in [m.value for m in at.markdown]
    at.text_input(key="case1_input").input("$\\rule{9em}{9em}$ **b** :red[z]").run()
    text = shown_text(at)
    assert not unescaped_dollar(text)
    assert "**b**" not in text and ":red[" not in text and "\\rule" not in text


def test_case2_starts_on_an_example_the_default_training_gets_right():
    at = open_page("case_next_word")
    example = at.selectbox(key="case2_example")
    assert example.format_func(example.value) == cases.NEXT_WORD.first_examples[0] == "the dog saw the"
    at.button(key="case2_train").click().run()
    train_to_the_end(at, "next_word")
    answers = [m.value for m in at.markdown if say("case2_read_fwd", "en", words="")[:8] in m.value]
    fwd, bwd, said = answers[0].split("  \n")                               # the words each direction read
    assert fwd == say("case2_read_fwd", "en", words="the → dog → saw → the")
    assert bwd == say("case2_read_bwd", "en", words="the ← dog ← saw ← the")
    assert said.startswith("[h→ ; h←] names → **cat**")                      # the dog saw the → cat
    assert re.search(r"\(\d+%\)$", said)                                    # with its probability


@pytest.mark.parametrize("case, page", [("last_letter", "case_last_letter"), ("next_word", "case_next_word")])
def test_the_accuracy_axis_reads_0_to_100_percent(case, page):
    import json

    at = open_page(page)
    at.slider(key=key(case, "steps")).set_value(20).run()
    at.button(key=key(case, "train")).click().run()
    train_to_the_end(at, case)
    curve = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                 if "yaxis2" in json.loads(c.proto.spec)["layout"])
    assert curve["layout"]["yaxis2"]["tickvals"] == [0, 0.25, 0.5, 0.75, 1]


@pytest.mark.parametrize("case, page, lang", [("last_letter", "case_last_letter", "en"),
                                              ("next_word", "case_next_word", "zh")])
def test_the_case_question_asks_before_it_tells_on_an_example_never_trained_on(case, page, lang):
    """Show me trains on the lesson's data; until then the question waits. Then it asks about an example never
    trained on, with the model's own answer; the guesses on those examples stay folded until the reveal."""
    from explorer import quiz
    from explorer.shell.case_page import held_out_rows

    c = cases.CASES[case]
    at = open_page(page, lang=lang)
    assert any(say("case_q_wait", lang) in m.value for m in at.markdown)
    assert not [r for r in at.radio if r.key == f"q_{c.prefix}_guess"]
    at.button(key=f"notice_{c.prefix}").click().run()                       # Show me: the lesson's data, trained
    job = train_to_the_end(at, case)
    data = cases.tokenize(cases.default_paragraph(lang)) if c.bidirectional else cases.DEFAULT_WORDS
    held = c.held_out_examples(cases.default_held_out(lang) if c.bidirectional else c.held_out, data)
    q = quiz.never_trained_on(job.result, held, c.bidirectional, lang)
    guess = at.radio(key=f"q_{c.prefix}_guess")
    assert guess.options == list(q.options) and md_escape(q.prompt) in "\n".join(m.value for m in at.markdown)
    guesses = re.findall(r"→ \*\*(.+?)\*\*", held_out_rows(job.result, c, held))   # each example's guess
    folded = [e for e in at.expander if e.label == say("q_folded", lang)]
    assert len(folded) == 1 and re.findall(r"→ \*\*(.+?)\*\*", folded[0].markdown[0].value) == guesses   # folded
    guess.set_value(q.answer).run()
    at.button(key=f"q_{c.prefix}_reveal").click().run()
    assert at.success[0].value == md_escape(say("reveal_right", lang, answer=q.options[q.answer]))
    assert [e.label for e in at.expander if e.label == say("case_never_rows", lang)]   # open, with its own title
    asked = quiz._asked_example(job.result, held, c.bidirectional)        # the example the question names
    assert (" ".join(asked.items) if c.bidirectional else "".join(asked.items)) in q.prompt
    assert q.options[q.answer] == job.result.symbols[int(cases.read(job.result, asked.items).probs.argmax())]
