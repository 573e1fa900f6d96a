"""Entry point: `streamlit run explorer/app.py`. Page config, language, navigation over ../pages."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # `streamlit run` puts only explorer/ on the path

import streamlit as st  # noqa: E402

from explorer import ui  # noqa: E402

st.set_page_config(page_title="LSTM Explorer", page_icon="🧠", layout="wide")
ui.init_state()
ui.language_switch()
page = st.navigation([
    st.Page("../pages/overview.py", title=ui.t("nav_overview"), icon="🔎", url_path="overview", default=True),
])
page.run()
