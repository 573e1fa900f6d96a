"""Entry point: `streamlit run explorer/app.py`. Page config, language, presenter mode, navigation over
../pages in the lesson's order (explorer/path.py), and ← previous / next → under every page.

`streamlit run` finds `app` (an st.App) here and serves it: Streamlit's own routes and one of ours, where
the overview's box posts its text without a run (explorer/shell/heard.py). Each run of the page runs this
file as __main__: the else branch."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))   # (abspath: no look at the disk each run)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)  # `streamlit run` puts only explorer/ on the path

if __name__ != "__main__":   # imported to be served
    from streamlit.starlette import App

    from explorer.shell.heard import ROUTES
    app = App(__file__, routes=ROUTES)
else:   # a run of the page
    import streamlit as st  # noqa: E402

    from explorer.path import STOPS  # noqa: E402
    from explorer.safe_text import md_escape  # noqa: E402
    from explorer.shell import heard, job_ui, lesson_ui, own_ui, page_kit, ui  # noqa: E402
    from explorer.shell.sockets import no_delay_once  # noqa: E402
    from explorer.shell.state import init_state, language_switch, presenting, say  # noqa: E402

    no_delay_once()   # Nagle's algorithm off on the server's sockets, once a process (explorer/shell/sockets.py)

    init_state()
    heard.take()      # the text the overview's box posted since the last run (explorer/shell/heard.py)
    st.set_page_config(page_title="LSTM Explorer", page_icon=":material/memory:", layout="wide",
                       initial_sidebar_state="collapsed" if presenting() else "auto")
    language_switch()
    ui.presenter()
    with st.sidebar:
        page_kit.mount()      # the sidebar closing on a phone, equations that scroll (explorer/shell/page_kit.py)
    own_ui.sidebar()
    pages = lesson_ui.nav_pages()        # the lesson's order (explorer/path.py)
    page = st.navigation(list(pages.values()), expanded=True)   # all 13 steps in view, none behind "View more"
    job_ui.training_status()
    current = next(key for key, p in pages.items() if p is page)
    if own_ui.current() is not None and not STOPS[current].own_model:
        st.info(say("own_elsewhere", name=md_escape(own_ui.current().name)))
    page.run()
    lesson_ui.page_question(current)     # (a page whose question is placed asks it itself: explorer/path.py Ask)
    lesson_ui.path_links(current)
