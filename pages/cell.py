"""Cell state, the conveyor belt: C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t, and where C_t comes from."""
import numpy as np
import streamlit as st

from explorer.draw import figures
from explorer.equations import GENERAL, cell_with_numbers
from explorer.lesson import belt_step, contributions
from explorer.shell import lesson_ui, stepper, ui
from explorer.shell.state import K, lang, say

trace = lesson_ui.lesson_page("cell", GENERAL["cell"], ("cell",))
lesson_ui.counter_example()
if trace is not None:
    T, H = trace.forget.shape

    def body(t, j):
        step = belt_step(trace, t, j)
        eq, pic = st.container(), st.container()  # stacked: side by side, a 1024-px screen cut the equations
        with eq:
            st.latex(cell_with_numbers(step, t, j))
            stepper.chips(trace, trace.cell[:, j], "cell", t, say("chips_label", kind=say("kind_cell"), j=j))
        with pic:
            stepper.diagram_at(trace, t, j, "cell")
        c_prev = np.r_[0.0, trace.cell[:-1, j]]
        lines = figures.unit_lines(
            [(say("belt_prev"), c_prev, "dot", "#999"),
             (say("belt_kept"), trace.forget[:, j] * c_prev, "dash", figures.BELT_COLOURS["down"]),
             (say("belt_written"), trace.input[:, j] * trace.candidate[:, j], "dashdot", figures.BELT_COLOURS["up"]),
             (say("belt_new"), trace.cell[:, j], "solid", figures.BELT_COLOURS["belt"])], trace.chars, lang(), t, "")
        ui.chart(figures.panels(
            [figures.belt_waterfall(step, lang()), lines], [(0, 0.3, 0, 0.85), (0.38, 1, 0, 0.85)],
            [say("belt_step_title", t=t, j=j), say("belt_along_time", j=j)], height=420, legend_x=0.38), key=K.BELT)
        st.subheader(say("contrib_title", t=t, j=j))
        st.latex(GENERAL["contribution"])
        if st.toggle(say("contrib_show"), key=K.CONTRIB_OPEN):  # opt-in: typing stays quick
            contrib = contributions(trace, t, j)
            ui.chart(figures.contributions_bar(contrib, trace.chars, lang()), key=K.CONTRIBUTIONS)
            st.caption(say("contrib_sum", total=f"{contrib.sum():.4f}", cell=f"{trace.cell[t, j]:.4f}", t=t, j=j))

    stepper.inspector(T, H, body)
