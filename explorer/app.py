"""Entry point: `streamlit run explorer/app.py`. Page config, language, navigation over ../pages."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # `streamlit run` puts only explorer/ on the path

import streamlit as st  # noqa: E402

from explorer import ui  # noqa: E402

st.set_page_config(page_title="LSTM Explorer", page_icon=":material/memory:", layout="wide")
ui.init_state()
ui.language_switch()
page = st.navigation([
    st.Page("../pages/overview.py", title=ui.t("nav_overview"), icon=":material/visibility:", url_path="overview", default=True),
    st.Page("../pages/forget.py", title=ui.t("nav_forget"), icon=":material/delete_sweep:", url_path="forget"),
    st.Page("../pages/input.py", title=ui.t("nav_input"), icon=":material/edit_note:", url_path="input"),
    st.Page("../pages/cell.py", title=ui.t("nav_cell"), icon=":material/conveyor_belt:", url_path="cell"),
    st.Page("../pages/output.py", title=ui.t("nav_output"), icon=":material/output:", url_path="output"),
    st.Page("../pages/bilstm.py", title=ui.t("nav_bilstm"), icon=":material/sync_alt:", url_path="bilstm"),
    st.Page("../pages/variants.py", title=ui.t("nav_variants"), icon=":material/account_tree:", url_path="variants"),
    st.Page("../pages/rnn_vs_lstm.py", title=ui.t("nav_memory"), icon=":material/history:", url_path="memory"),
    st.Page("../pages/params.py", title=ui.t("nav_params"), icon=":material/calculate:", url_path="params"),
    st.Page("../pages/case_last_letter.py", title=ui.t("nav_case1"), icon=":material/spellcheck:", url_path="case1"),
    st.Page("../pages/case_next_word.py", title=ui.t("nav_case2"), icon=":material/short_text:", url_path="case2"),
])
ui.training_status()
page.run()
