"""The Streamlit shell: session state, caches, widgets, the lesson-page kit, the live text box and its
maps (a component: frontend/), your own model's loader, the case pages. Everything here imports Streamlit."""
