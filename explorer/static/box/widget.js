// The box in a notebook (an anywidget: explorer/notebook.py LiveBox). The box itself is livebox.js, the
// same as in the app (streamlit.js); explorer/notebook.py bundles both, with lstm.js and numbers.js, into
// the one module a widget is. Synced with Python: text (typed here, or set there), t and j (a click on a
// map); the model and the box's settings come from Python once.

export default {
  render({ model, el }) {
    const view = new LiveBox(el);
    let version = 0, heard = model.get("text");        // the text this box last sent: not a new text when it comes back
    const data = () => {
      const t = model.get("t"), j = model.get("j");
      return { ...model.get("settings"), modelJson: model.get("model_json"), text: model.get("text"), version,
               selected: t >= 0 && j >= 0 ? { t, j } : null };
    };
    const host = {
      state(name, value) {                              // the text heard once typing pauses
        if (name !== "text") return;
        heard = value.text;
        model.set("text", value.text);
        model.save_changes();
      },
      trigger(name, value) {                            // a click on a map chooses t and j
        if (name !== "clicked") return;
        model.set("t", value.t); model.set("j", value.j);
        model.save_changes();
      },
    };
    const update = () => view.update(data(), host.state, host.trigger);
    model.on("change:text", () => { if (model.get("text") !== heard) { version += 1; heard = model.get("text"); } update(); });
    for (const name of ["t", "j", "settings", "model_json"]) model.on("change:" + name, update);
    update();
    return () => view.detach();
  },
};
