"""The Streamlit shell: session state, caches, widgets, the lesson-page kit, the live text box and its
maps, your own model's loader, the case pages, and the background trainings' scheduler (jobs.py, which
alone does not import Streamlit)."""

# Imported here, whole, before any page's module: the first module of a session's first run. Nothing in
# the app needs pandas, but plotly loads it on the first figure it builds, and when a class's first
# sessions run at once, a thread can be handed pandas half-imported by another (Python accepts a
# partially initialised module to break a cycle of import locks between threads): "partially
# initialized module 'pandas' has no attribute 'Series'" on a training page, seen under
# benchmarks.server_load --trainers. A thread importing this package waits until it is whole.
import pandas  # noqa: E402,F401
