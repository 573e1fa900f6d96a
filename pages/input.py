"""Input ("memory") gate and candidate: what is written onto the belt, i ⊙ C~."""
from explorer.draw import figures
from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper
from explorer.shell.state import K, lang, say

trace = lesson_ui.lesson_page("input", (GENERAL["input"], GENERAL["candidate"]), ("input", "candidate", "written"))
if trace is not None:
    def body(t, j):
        i, c = float(trace.input[t, j]), float(trace.candidate[t, j])
        written = trace.input[:, j] * trace.candidate[:, j]
        stepper.gate_view(
            trace, "input", t, j,
            [gate_with_numbers(gate_terms(cached.model(), trace, "input", t, j)),
             gate_with_numbers(gate_terms(cached.model(), trace, "candidate", t, j)),
             rf"i_{{{t}}}[{j}]\,\tilde{{C}}_{{{t}}}[{j}] = {i:.3f} \times {c:.3f} = {i * c:.3f}".replace("-", "{-}")],
            written, "written",
            figures.unit_lines([("i", trace.input[:, j], "dot"), ("C̃", trace.candidate[:, j], "dash"), ("i·C̃", written, "solid")],
                               trace.chars, lang(), t, say("unit_over_time", j=j)), K.INPUT_LINES)

    stepper.inspector(*trace.forget.shape, body)
