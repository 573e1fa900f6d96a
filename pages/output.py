"""Output gate: how much of the belt is shown outside, h_t = o_t ⊙ tanh(C_t)."""
import numpy as np

from explorer.draw import figures
from explorer.equations import GENERAL, gate_with_numbers, hidden_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper
from explorer.shell.state import K, lang, say

trace = lesson_ui.lesson_page("output", (GENERAL["output"], GENERAL["hidden"]), ("output", "tanh_cell", "hidden"))
if trace is not None:
    def body(t, j):
        stepper.gate_view(
            trace, "output", t, j,
            [gate_with_numbers(gate_terms(cached.model(), trace, "output", t, j)),
             hidden_with_numbers(float(trace.output[t, j]), float(trace.cell[t, j]), float(trace.hidden[t, j]), t, j)],
            trace.hidden[:, j], "hidden",
            figures.unit_lines([("h", trace.hidden[:, j], "solid"), ("o", trace.output[:, j], "dot"),  # h under: where
                                ("tanh(C)", np.tanh(trace.cell[:, j]), "dash")],                # h ≈ o, o's dots show on it
                               trace.chars, lang(), t, say("unit_over_time", j=j)), K.OUTPUT_LINES)

    stepper.inspector(*trace.forget.shape, body)
