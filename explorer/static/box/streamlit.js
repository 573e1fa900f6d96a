// The box in a Streamlit page: explorer/shell/livebox.py's loader imports this module (its version in the
// URL) and hands it Streamlit's component each run. The box itself is livebox.js, the same for a notebook
// (widget.js).
const near = (name) => import(new URL(name + new URL(import.meta.url).search, import.meta.url).href);
const { LiveBox } = await near("livebox.js");

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector(".lb-root");
  const view = root ? root.__view : new LiveBox(parentElement);
  view.update(data[0], setStateValue, setTriggerValue);   // sent as [data] (explorer/shell/livebox.py: live_box)
  return () => view.detach();
}
