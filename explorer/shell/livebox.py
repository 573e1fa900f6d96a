"""The live box in a Streamlit page: a few lines (LOADER) that import the box's static module
(explorer/static/box/streamlit.js, the Streamlit adapter of the box's one JavaScript core) and hand it each
run's settings (explorer/draw/box.py box_data); the callbacks for what the box sends back."""
from __future__ import annotations

import functools
import hashlib

import streamlit as st

from explorer.draw.box import BOX

# What Streamlit mounts: the styles (maps.css, shared with the server-drawn maps, and livebox.css) linked
# once into the page, the box's module imported once (both by a
# URL that names their version, so a new version is fetched anew and an old one is cached for good), then
# each run's data handed to it. Relative URLs resolve against the page, as the models' do (a proxy's prefix
# stays in front).
LOADER = """const V = "%s";
const url = (name) => new URL("app/static/box/" + name + "?v=" + V, document.baseURI).href;
let box = null;
function styles(name) {
  let link = document.getElementById("lb-" + name + "-" + V);
  if (!link) {
    link = Object.assign(document.createElement("link"), { id: "lb-" + name + "-" + V, rel: "stylesheet", href: url(name + ".css") });
    link.ready = new Promise(done => { link.onload = link.onerror = done; });
    document.head.appendChild(link);
  }
  return link.ready;
}
export default function (component) {
  box = box || Promise.all([import(url("streamlit.js")), styles("maps"), styles("livebox")]).then(([m]) => m.default);
  let stop = null, gone = false;
  box.then(mount => { if (!gone) stop = mount(component); });
  return () => { gone = true; if (stop) stop(); };
}
"""


@functools.lru_cache(maxsize=1)
def box_version() -> str:
    """A hash of the box's static files, in the URLs the loader imports (and livebox.js passes on to the
    modules it imports): a browser never mixes two versions, and keeps a version it has for good."""
    digest = hashlib.sha256()
    for path in sorted(BOX.glob("*.js")) + sorted(BOX.glob("*.css")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


_component = None


def live_box(data: dict, key: str, on_text, on_click=None, on_step=None, on_lost=None) -> None:
    """Mount the box; on_text(text, n, version) when the server hears new text (the tab's n-th, typed on the
    text of that version), on_click(t, j) on a map click,
    on_step(t) on the ← → keys (the t to go to: one before or after the last asked), on_lost(name) when
    the tab showed a model of yours this session does not hold."""
    global _component
    if _component is None:
        _component = st.components.v2.component("lstm_live_box", js=LOADER % box_version(), isolate_styles=False)

    def state():
        value = st.session_state.get(key)
        return value if hasattr(value, "get") else {}

    def text_changed():
        sent = state().get("text")
        if isinstance(sent, dict) and isinstance(sent.get("text"), str):
            n, version = sent.get("n"), sent.get("version")
            on_text(sent["text"], n if type(n) is int else None, version if type(version) is int else None)
            if on_lost is not None and isinstance(sent.get("lost"), str) and sent["lost"]:
                on_lost(sent["lost"])

    def clicked():
        cell = state().get("clicked")
        if on_click is not None and isinstance(cell, dict):
            on_click(int(cell["t"]), int(cell["j"]))

    def stepped():
        to = state().get("step")
        if on_step is not None and isinstance(to, dict) and type(to.get("t")) is int:
            on_step(to["t"])

    # Sent as a list of one: Streamlit looks for a dataframe in every entry of a dict it is given (to send it
    # as Arrow), 4.6 ms a run for the box's thirty-odd settings; a list it sends as JSON as it is (0.06 ms).
    _component(data=[data], key=key, on_text_change=text_changed, on_clicked_change=clicked, on_step_change=stepped)


