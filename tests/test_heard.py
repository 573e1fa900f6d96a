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
        body = {"token": token, "version": maps(at)["version"], "n": 1, "text": "typed\r\nafter"}
        assert post(client, body).status_code == 204
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
        assert post(client, {"token": tb, "version": 0, "n": 1, "text": "only b"}).status_code == 204
    a.run(), b.run()
    assert a.session_state[K.TEXT] == "a" and b.session_state[K.TEXT] == "only b"


def test_an_example_clicked_after_a_post_wins_and_a_post_from_before_it_is_refused():
    """The box posted a text; the student clicks an example: the example is the text, on this run and the
    next, and a post sent before the click that arrives after it is refused (409), never taken."""
    from explorer.texts import EXAMPLES

    at = run_app(text="before")
    token, version = maps(at)["hear"]["token"], maps(at)["version"]
    with TestClient(Starlette(routes=heard.ROUTES)) as client:
        assert post(client, {"token": token, "version": version, "n": 1, "text": "typed"}).status_code == 204
        at.button(key="example_code").click().run()
        assert at.session_state[K.TEXT] == EXAMPLES["example_code"] and maps(at)["version"] == version + 1
        late = post(client, {"token": token, "version": version, "n": 2, "text": "typed more"})
        assert late.status_code == 409
        at.run()
        assert at.session_state[K.TEXT] == EXAMPLES["example_code"]
        assert post(client, {"token": token, "version": version + 1, "n": 3,
                             "text": "typed on the example"}).status_code == 204
    at.run()
    assert at.session_state[K.TEXT] == "typed on the example"


def test_the_later_text_wins_whatever_order_the_posts_arrive_in():
    box = heard.Mailbox()
    assert box.put(0, 2, "second")
    assert box.put(0, 1, "first, late")
    assert box.take() == "second" and box.take() is None
    assert box.put(0, 3, "third") and box.put(0, 4, "a new box on the page: the tab's count goes on")
    assert box.take() == "a new box on the page: the tab's count goes on"
    assert not box.put(1, 5, "from a later version")   # the session is still on version 0
    box.reset(1)                                    # the server set the text: version 1
    assert not box.put(0, 6, "typed before") and box.take() is None
    assert box.put(1, 7, "typed on the new text") and box.take() == "typed on the new text"


def test_a_text_heard_through_a_run_and_a_post_keep_their_order():
    box = heard.Mailbox()
    box.put(0, 3, "posted third")
    box.heard(2)                                    # a run heard the second text: the post is later
    assert box.take() == "posted third"
    box.put(0, 4, "posted fourth")
    box.heard(5)                                    # a run heard a later one (a page's first box catching up)
    assert box.take() is None
    box.put(0, 4, "posted fourth, arriving late")
    assert box.take() is None
    box.put(0, 6, "posted sixth")
    box.heard(None)                                 # a text given back after a restart: it is the text
    assert box.take() is None


def test_a_session_that_ends_takes_its_mailbox_with_it(client):
    box = heard.Mailbox()
    with heard._lock:
        heard._boxes[box.token] = box
    token = box.token
    assert post(client, {"token": token, "version": 0, "n": 1, "text": "x"}).status_code == 204
    bells = {"token": token, "version": 0, "n": 2, "text": "\x07" * INPUT_CAP}   # 6 bytes each in JSON
    assert post(client, bells).status_code == 204
    del box
    gc.collect()
    assert post(client, {"token": token, "version": 0, "n": 3, "text": "x"}).status_code == 404
    assert token not in heard._boxes


@pytest.mark.parametrize("body", [
    b"", b"not json", b"\xff\xfe", b"[1, 2]", b"null", b"[" * 10_000,
    {"token": "t", "version": 0, "n": "1", "text": "x"},             # n not a number
    {"token": "t", "version": 0, "n": True, "text": "x"},
    {"token": "t", "version": 0, "n": 1, "text": 5},
    {"token": 1, "version": 0, "n": 1, "text": "x"},
    {"token": "t", "version": "0", "n": 1, "text": "x"},
    {"token": "t", "n": 1, "text": "x"},                                         # no version
    {"token": "t", "version": 0, "n": 1, "text": "x" * (INPUT_CAP + 1)},
    '{"token": "t", "version": 0, "n": 1, "text": "\\ud800"}',       # half of a surrogate pair
])
def test_a_malformed_post_is_refused(client, body):
    assert post(client, body).status_code == 400


def test_an_unknown_token_a_big_body_and_a_get_are_refused(client):
    assert post(client, {"token": "no such session", "version": 0, "n": 1, "text": "x"}).status_code == 404
    big = json.dumps({"token": "t", "version": 0, "n": 1, "text": "\x07" * INPUT_CAP + "x" * 600})
    assert post(client, big).status_code == 413
    assert post(client, big, headers={"content-length": "bogus"}).status_code in (400, 413)

    def chunks():                      # no Content-Length: read no further than the cap
        for _ in range(100):
            yield b"x" * 4096
    assert client.post(URL, content=chunks()).status_code == 413
    assert client.get(URL).status_code == 405
