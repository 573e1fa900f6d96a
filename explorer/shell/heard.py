"""The server hears the overview's text without a Streamlit run.

On the overview every map, guess and note is the browser's (explorer/static/box/livebox.js); the server
needs the text only to hold it for the next page and the next run. A Streamlit run to hear it cost the
student's browser 50-60 ms of main thread after every pause (its frontend takes the run even when
nothing it draws changes), and 16 students' browsers sharing two cores lost most of their time there
(docs/performance.md). So that box posts its text here: a small route beside Streamlit's own
(explorer/app.py serves the app as an st.App), which leaves it in the session's Mailbox; the session's
next run, whatever starts it, takes it (`take`, in explorer/app.py before any page). The box updates
the address bar itself once the post is answered.

A mailbox lives in its session's state and is found here by an unguessable token, through a weak
reference: a session that ends takes its mailbox with it, and a post with a token the server does not
hold (an old tab after a restart, another replica after a failover) is answered 404, on which the box
hears through a run instead. Nothing a post carries is run or shown as markup: it is a text, capped."""
from __future__ import annotations

import json
import secrets
import threading
import weakref

import streamlit as st
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from explorer.shell.state import INPUT_CAP, K, one_newline

PATH = "_lstm/heard"                 # relative to the page, as the models' URLs are (a proxy's prefix stays)
MAX_BYTES = 6 * INPUT_CAP + 512      # a text of INPUT_CAP characters, each up to 6 bytes in JSON (\u0007), and the rest
_boxes: weakref.WeakValueDictionary[str, Mailbox] = weakref.WeakValueDictionary()
_lock = threading.Lock()


class Mailbox:
    """The last text a session's boxes posted, until the session's next run takes it.

    Each text a box sends, by a post or a run, has a number n, counted over every box of the tab (livebox.js
    SENT), and the version of the text the box started from (K.TEXT_VERSION, raised when the server sets the
    text: an example, several lines, Show me). The highest n wins, whatever order posts and runs arrive in;
    a post from before the server set the text is refused (`put` is False), so a text typed before an
    example never comes back after it."""

    __slots__ = ("token", "_version", "_n", "_text", "__weakref__")

    def __init__(self, version: int = 0) -> None:
        self.token = secrets.token_urlsafe(18)
        self._version, self._n, self._text = version, -1, None

    def put(self, version: int, n: int, text: str) -> bool:
        with _lock:
            if version != self._version:
                return False
            if n > self._n:
                self._n, self._text = n, text
            return True

    def heard(self, n: int | None) -> None:
        """A run heard the tab's n-th text through the component (a refused post, a page's first box catching
        up, a text given back after a restart): a post the mailbox holds is older, unless its n is higher;
        a post older than n that arrives later is dropped."""
        with _lock:
            if type(n) is int and self._n > n and self._text is not None:
                return
            if type(n) is int:
                self._n = max(self._n, n)
            self._text = None

    def reset(self, version: int) -> None:
        """The server set the text (state.set_text): anything posted before it is old."""
        with _lock:
            self._version, self._text = version, None

    def take(self) -> str | None:
        """The text posted since the last take, once."""
        with _lock:
            text, self._text = self._text, None
            return text


def mailbox() -> Mailbox:
    """This session's mailbox (made on first use, and registered for the route)."""
    box = st.session_state.get(K.MAILBOX)
    if not isinstance(box, Mailbox):
        box = st.session_state[K.MAILBOX] = Mailbox(st.session_state.get(K.TEXT_VERSION, 0))
        with _lock:
            _boxes[box.token] = box
    return box


def hear() -> dict:
    """What a box needs to post its text here: the route (relative to the page) and this session's token."""
    return {"url": PATH, "token": mailbox().token}


def take() -> None:
    """At the start of every run (explorer/app.py) and of a box's fragment (explorer/shell/textbox.py):
    the text the session's box posted since the last run becomes the session's text (as a run would have
    made it: one kind of line break, capped)."""
    box = st.session_state.get(K.MAILBOX)
    text = box.take() if isinstance(box, Mailbox) else None
    if text is not None:
        st.session_state[K.TEXT] = one_newline(text)[:INPUT_CAP]
        st.session_state.pop(K.TEXT_RESTORABLE, None)


def heard_by_run(n: int | None) -> None:
    """A run heard the tab's n-th text through the component (explorer/shell/textbox.py): Mailbox.heard."""
    mail = st.session_state.get(K.MAILBOX)
    if isinstance(mail, Mailbox):
        mail.heard(n)


def parse(body: bytes) -> tuple[str, int, int, str] | None:
    """(token, version, n, text) from a post's body, or None for anything else."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    token, version, n, text = (data.get(k) for k in ("token", "version", "n", "text"))
    if not (isinstance(token, str) and type(version) is int and type(n) is int
            and isinstance(text, str) and len(text) <= INPUT_CAP):
        return None
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):     # half of a pair: no text a browser could type
        return None
    return token, version, n, text


async def _heard(request: Request) -> Response:
    declared = request.headers.get("content-length")
    if declared is not None and (not (declared.isascii() and declared.isdigit()) or int(declared) > MAX_BYTES):
        return Response(status_code=413)
    body = b""
    async for chunk in request.stream():     # read no more than MAX_BYTES, whatever the header said
        body += chunk
        if len(body) > MAX_BYTES:
            return Response(status_code=413)
    got = parse(body)
    if got is None:
        return Response(status_code=400)
    token, version, n, text = got
    with _lock:
        mail = _boxes.get(token)
    if mail is None:
        return Response(status_code=404)
    if not mail.put(version, n, text):
        return Response(status_code=409)       # the server has set another text since: this one is old
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


ROUTES = [Route("/" + PATH, _heard, methods=["POST"])]
