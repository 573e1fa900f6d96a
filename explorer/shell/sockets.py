"""TCP_NODELAY on the server's sockets, which Streamlit's own server leaves off.

Streamlit (1.6x, on uvicorn) binds its listening socket as `socket.socket(family)`, so the socket's
`proto` is 0, and asyncio disables Nagle's algorithm only on sockets whose proto is IPPROTO_TCP: every
connection it accepts keeps Nagle on. A run that sends a large message (a page with the live box, 38 KB)
and then small ones (the run's end) makes the kernel hold the small ones until the browser acknowledges
the large one, and browsers delay that acknowledgement (40 ms on Linux, up to 200 ms on Windows): the
first key after each page change was heard 40 ms late here (benchmarks.server_load, "the first key on a
page"). Linux copies TCP_NODELAY from a listening socket to the connections it accepts, so setting it
once on every TCP socket the process holds (the listener and the connections already open) covers the
connections to come."""
from __future__ import annotations

import functools
import os
import socket

_FDS = "/proc/self/fd"


def no_delay() -> int:
    """Set TCP_NODELAY on every TCP socket this process has open; how many. 0 where there is no /proc
    (not Linux: there the server keeps its default). Each socket is reached through a duplicate of its
    descriptor, left as blocking or not as it was, and closed again; the socket itself is not touched
    otherwise."""
    try:
        fds = os.listdir(_FDS)
    except OSError:
        return 0
    done = 0
    for name in fds:
        try:
            if not os.readlink(f"{_FDS}/{name}").startswith("socket:"):
                continue
            dup = os.dup(int(name))
        except OSError:        # closed meanwhile by the server's own thread
            continue
        try:
            blocking = os.get_blocking(dup)   # shared with the original: a default timeout would change it
            sock = socket.socket(fileno=dup)
        except OSError:        # reused meanwhile for something else
            os.close(dup)
            continue
        with sock:
            try:
                if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    done += 1
            except OSError:
                pass
            finally:
                os.set_blocking(dup, blocking)
    return done


@functools.cache
def no_delay_once() -> int:
    """no_delay() the first time a process asks (explorer/app.py, on every run): the listener's later
    connections inherit it."""
    return no_delay()
