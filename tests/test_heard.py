"""The overview's box is heard without a run: the route that takes its posts, the session's mailbox, and the
next run that takes the text from it (explorer/shell/heard.py). In a browser: tests/browser/test_overview.py."""
import gc
import json
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.web.server.app_discovery import discover_asgi_app

from explorer.shell import heard
from explorer.shell.state import INPUT_CAP, K
from tests.helpers.apptest import APP, open_page
from tests.test_app import maps, run_app

URL = "/" + heard.PATH


@pytest.fixture
def client():
    return TestClient(Starlette(routes=heard.ROUTES))


def post(client, body, **kw):
    return client.post(URL, content=body if isinstance(body, (bytes, str)) else json.dumps(body), **kw)


def test_streamlit_run_serves_the_app_with_the_route():
    found = discover_asgi_app(Path(APP))
    assert found.is_asgi_app and found.app_name == "app"     # `streamlit run explorer/app.py` serves the st.App
    assert [r.path for r in heard.ROUTES] == [URL] and not URL.startswith(("/_stcore/", "/static/", "/media/"))


def test_a_post_reaches_its_sessions_next_run_and_its_link():
    at = run_app(text="before")
    token = maps(at)["hear"]["token"]
    assert maps(at)["hear"]["url"] == heard.PATH and maps(at)["notes"] is not None
    with TestClient(Starlette(routes=heard.ROUTES)) as client:
        assert post(client, {"token": token, "box": "b1", "n": 1, "text": "typed\r\nafter"}).status_code == 204
    assert at.session_state[K.TEXT] == "before"           # nothing runs when a post arrives
    at.run()
    assert at.session_state[K.TEXT] == "typed\nafter" and at.query_params["text"] == "typed\nafter"
    assert maps(at)["text"] == "typed\nafter" and maps(at)["hear"]["token"] == token
    at.run()                                                # taken once: a later run keeps the session's text
    assert at.session_state[K.TEXT] == "typed\nafter"


def test_a_page_that_reads_the_text_on_the_server_is_heard_through_a_run():
    assert maps(open_page("forget"))["hear"] is None


def test_two_sessions_have_two_mailboxes():
    a, b = run_app(text="a"), run_app(text="b")
    ta, tb = maps(a)["hear"]["token"], maps(b)["hear"]["token"]
    assert ta != tb and len(ta) >= 24
    with TestClient(Starlette(routes=heard.ROUTES)) as client:
        assert post(client, {"token": tb, "box": "x", "n": 1, "text": "only b"}).status_code == 204
    a.run(), b.run()
    assert a.session_state[K.TEXT] == "a" and b.session_state[K.TEXT] == "only b"


def test_within_a_box_the_later_text_wins_whatever_order_the_posts_arrive_in():
    box = heard.Mailbox()
    box.put("one", 2, "second")
    box.put("one", 1, "first, late")
    assert box.take() == "second" and box.take() is None
    box.put("one", 3, "third")
    box.put("two", 1, "a new box on the page")       # another box (a new page, a new mount): its text replaces
    assert box.take() == "a new box on the page"


def test_a_session_that_ends_takes_its_mailbox_with_it(client):
    box = heard.Mailbox()
    with heard._lock:
        heard._boxes[box.token] = box
    token = box.token
    assert post(client, {"token": token, "box": "b", "n": 1, "text": "x"}).status_code == 204
    del box
    gc.collect()
    assert post(client, {"token": token, "box": "b", "n": 2, "text": "x"}).status_code == 404
    assert token not in heard._boxes


@pytest.mark.parametrize("body", [
    b"", b"not json", b"\xff\xfe", b"[1, 2]", b"null", b"[" * 10_000,
    {"token": "t", "box": "b", "n": "1", "text": "x"},             # n not a number
    {"token": "t", "box": "b", "n": True, "text": "x"},
    {"token": "t", "box": "b", "n": 1, "text": 5},
    {"token": 1, "box": "b", "n": 1, "text": "x"},
    {"token": "t", "box": "b" * 65, "n": 1, "text": "x"},
    {"token": "t", "box": "b", "n": 1, "text": "x" * (INPUT_CAP + 1)},
    '{"token": "t", "box": "b", "n": 1, "text": "\\ud800"}',       # half of a surrogate pair
])
def test_a_malformed_post_is_refused(client, body):
    assert post(client, body).status_code == 400


def test_an_unknown_token_a_big_body_and_a_get_are_refused(client):
    assert post(client, {"token": "no such session", "box": "b", "n": 1, "text": "x"}).status_code == 404
    big = json.dumps({"token": "t", "box": "b", "n": 1, "text": "😀" * INPUT_CAP + "x" * 600})
    assert post(client, big).status_code == 413
    assert post(client, big, headers={"content-length": "bogus"}).status_code in (400, 413)

    def chunks():                      # no Content-Length: read no further than the cap
        for _ in range(100):
            yield b"x" * 4096
    assert client.post(URL, content=chunks()).status_code == 413
    assert client.get(URL).status_code == 405
