"""Forget gate: where the model keeps (f≈1) and drops (f≈0) what is on the belt."""
from explorer.equations import GENERAL, gate_with_numbers
from explorer.lesson import gate_terms
from explorer.shell import cached, lesson_ui, stepper

trace = lesson_ui.lesson_page("forget", GENERAL["forget"], ("forget",))
if trace is not None:
    def body(t, j):
        stepper.gate_view(trace, "forget", t, j, [gate_with_numbers(gate_terms(cached.model(), trace, "forget", t, j))],
                          trace.forget[:, j], "forget")

    stepper.inspector(*trace.forget.shape, body)
