"""explorer/shell/sockets.no_delay: Nagle's algorithm off on a listening socket made as Streamlit's server
makes its own (proto 0, which asyncio leaves alone) and on the connections it then accepts."""
import socket
import sys

import pytest

from explorer.shell.sockets import no_delay

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")


def _nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_a_listener_made_like_streamlits_and_the_connections_it_accepts_get_no_delay():
    listener = socket.socket(socket.AF_INET)          # as streamlit.web.server.starlette.starlette_server binds
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    before_client = socket.create_connection(listener.getsockname())
    before, _ = listener.accept()
    with listener, before_client, before:
        assert listener.proto == 0 and _nodelay(before) == 0     # what asyncio's transport would keep
        assert no_delay() >= 2
        assert _nodelay(listener) and _nodelay(before)           # the listener and a connection already open
        with socket.create_connection(listener.getsockname()):
            after, _ = listener.accept()
            with after:
                assert _nodelay(after)                           # a connection accepted later inherits it
        assert before.fileno() >= 0 and before.send(b"x") == 1   # the sockets themselves stay open


def test_sockets_that_are_not_tcp_are_left_alone():
    a, b = socket.socketpair()
    with a, b:
        no_delay()
        a.sendall(b"still open")
        assert b.recv(16) == b"still open"


def test_a_socket_keeps_its_blocking_mode_under_a_default_timeout():
    """With socket.setdefaulttimeout set, wrapping a descriptor would make the shared socket non-blocking;
    a blocking socket of another thread must stay blocking."""
    listener = socket.socket(socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    assert listener.getblocking()
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(5)
    try:
        assert no_delay() >= 1
    finally:
        socket.setdefaulttimeout(old)
    with listener:
        assert _nodelay(listener) and listener.getblocking()
        import os
        assert os.get_blocking(listener.fileno())
