"""Take it out (Streamlit): a popover beside the text box with the current trace as .npz, a zip of CSVs,
each map as a PNG, and a Python snippet that reproduces the view. The files are made when a button is
pressed (explorer/draw/export.py), from the trace the page shows.

The popover's content is made only while it is open (it tracks its state; opening it reruns what holds it):
made on every key it was a third of the server's work for each key a class typed (py-spy under
benchmarks.server_load), for a popover nobody had open."""
from __future__ import annotations

import streamlit as st

from explorer.draw import export
from explorer.shell import own_ui
from explorer.shell.cached import cached_trace
from explorer.shell.state import TEXT_CAP, K, say


def popover(kinds) -> None:
    text = st.session_state[K.TEXT][:TEXT_CAP]
    out = st.popover(say("out_button"), icon=":material/download:", on_change="rerun", key=K.OUT_POPOVER)
    if not out.open:
        return
    with out:
        if not text:
            st.caption(say("empty_hint"))
            return
        trace = cached_trace(text)
        T, H = trace.forget.shape
        t_ = min(max(0, int(st.session_state.get(K.SEL_T, T - 1))), T - 1)
        j = min(max(0, int(st.session_state.get(K.SEL_J, 0))), H - 1)
        st.caption(say("out_caption"))
        st.download_button(say("out_npz"), lambda: export.trace_npz(trace), file_name="trace.npz",
                           mime="application/octet-stream", on_click="ignore", key=K.OUT_NPZ, icon=":material/data_array:")
        st.download_button(say("out_csv"), lambda: export.trace_csvs(trace), file_name="trace-csv.zip",
                           mime="application/zip", on_click="ignore", key=K.OUT_CSV, icon=":material/table:")
        for kind in kinds:
            if kind in export.QUANTITIES:
                st.download_button(say("out_png", kind=say("kind_" + kind)),
                                   lambda k=kind: export.map_png(trace, k, say("kind_" + k)), file_name=f"{kind}.png",
                                   mime="image/png", on_click="ignore", key=K.out_png(kind), icon=":material/image:")
        own = own_ui.current()
        layer, direction = own_ui.layer_direction()
        code = export.snippet(text, t_, j, next((k for k in kinds if k in export.QUANTITIES), "hidden"),
                              own.name if own else None, st.session_state.get(K.OWN_VOCAB_NAME) if own else None,
                              layer, direction)
        st.caption(say("out_snippet"))
        st.code(code, language="python")
