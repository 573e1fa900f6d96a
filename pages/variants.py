"""LSTM variants side by side on the same text: classic, peephole, coupled gates, GRU."""
import streamlit as st

from explorer.draw import figures
from explorer.shell import cached, lesson_ui, textbox, ui
from explorer.shell.state import K, lang, say
from explorer.shell.unitmap import unit_maps
from explorer.variants import EQUATIONS, KINDS, SHOWN_GATE

st.title(say("var_title"))
lesson_ui.notice("variants")
st.write(say("var_intro"))
trace = textbox.live_trace()
if trace is not None:
    runs = cached.variant_runs(trace.text[: len(trace)])
    vocab = cached.model().vocab.chars
    for row in (KINDS[k:k + 2] for k in range(0, len(KINDS), 2)):   # two a row
        for col, kind in zip(ui.columns(2), row):
            with col:
                st.subheader(say("var_" + kind))
                st.caption(say("var_" + kind + "_note"))
                for line in EQUATIONS[kind]:
                    st.latex(line)
                r, probs = runs[kind]
                gate, color_kind = SHOWN_GATE[kind]
                unit_maps({color_kind: r.quantities[gate], "hidden": r.hidden}, trace.chars, lang(),
                          key=K.variant(kind, "maps"))
                st.caption(say("var_maps_caption", gate=gate, h=r.hidden.shape[1]))
                q = cached.variant_quality()[kind]
                st.markdown(say("var_quality", bpc=f"{q['bpc']:.2f}", steps=f"{q['steps']:,}", batch=q["batch"], seq=q["seq"]))
                ui.chart(figures.top_guesses(probs[-1], vocab, lang(), k=5), key=K.variant(kind, "guess"))
