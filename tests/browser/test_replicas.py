"""scripts/serve.sh: two replicas behind nginx. Several students at once: both replicas serve, and each
student's page, websocket and reruns stay on one replica, so each keeps their own text and state."""
import os
import signal
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest

from benchmarks import server_load
from benchmarks.keystroke import descendants
from scripts.chromium import WAIT, settle
from tests.browser.conftest import ROOT, free_port, healthy, shot

STUDENTS = 8


@pytest.fixture(scope="module")
def proxy():
    port = free_port()
    while any(_busy(port + k) for k in (1, 2)):
        port = free_port()
    proc = subprocess.Popen(["bash", "scripts/serve.sh", "--replicas", "2", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        if not all(healthy(f"http://127.0.0.1:{port + k}", 120) for k in (1, 2)) or not healthy(url, 30):
            raise RuntimeError("serve.sh did not start: " + (proc.stdout.read() if proc.poll() is not None else ""))
        yield url, port, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    for k in (1, 2):           # SIGTERM stopped nginx and both replicas
        assert not _busy(port + k)
    assert not _busy(port)


def _busy(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_students_spread_over_both_replicas_and_keep_their_own_text(proxy, browser):
    url, port, _ = proxy
    seen, pages = {}, []
    for k in range(STUDENTS):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        response = page.goto(url + "/?" + urllib.parse.urlencode({"text": f"student {k} writes"}))
        page.wait_for_selector("[data-testid='stApp']")
        settle(page)
        seen[k] = response.headers.get("x-replica")
        pages.append(page)
    served = [list(seen.values()).count(f"127.0.0.1:{port + k}") for k in (1, 2)]
    assert abs(served[0] - served[1]) <= 2 and sum(served) == STUDENTS, seen   # new students take turns
    for k, page in enumerate(pages):            # a rerun each: typing heard, then an example button
        box = page.get_by_test_id("live-text")
        box.click()
        box.press("End")
        box.press_sequentially(" more")
        page.wait_for_function(f"() => new URL(location).searchParams.get('text') === 'student {k} writes more'",
                               timeout=WAIT)
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0
    for k, page in enumerate(pages):
        page.reload()                           # the same browser comes back to the same replica
        settle(page)
        assert page.get_by_test_id("live-text").input_value() == f"student {k} writes more"
        again = page.request.get(url + "/_stcore/health")
        assert again.headers.get("x-replica") == seen[k]
    shot(pages[0], "replicas-student-0")
    for page in pages:
        page.context.close()


def test_websocket_students_through_the_proxy_keep_their_own_text(proxy):
    """benchmarks/server_load.py's students through nginx, each with its own cookie: the class is spread
    over both replicas, and every run of every student finishes and takes that student's own text and click."""
    url, port, _ = proxy
    out = server_load.run_class(url, students=STUDENTS, keys=2, chars=60)
    assert out["errors"] == []
    assert len(out["heard"]) == 2 * STUDENTS and len(out["click"]) == STUDENTS
    assert set(out["replicas"]) == {f"127.0.0.1:{port + 1}", f"127.0.0.1:{port + 2}"}, out["replicas"]


def test_a_student_whose_replica_stops_is_served_by_the_other_keeps_the_text_and_hears_of_the_model(proxy, browser, tmp_path):
    """Last in this file (the module's tests run in order and share the proxy): it stops replica 1. A student
    on it uploads a model through nginx (serve.sh run as root: nginx's worker must write the body) and types
    a text of their own; replica 1 stops; the next page they open is served by replica 2, shows their text
    (the tab kept it), says their model was lost with the server, and the cookie now names replica 2."""
    import json

    import torch
    from torch import nn

    from tests.helpers.browser import upload

    url, port, proc = proxy
    torch.manual_seed(0)
    net = nn.Module()
    net.embedding, net.lstm = nn.Embedding(4, 3), nn.LSTM(3, 5, batch_first=True)
    torch.save(net.state_dict(), tmp_path / "mine.pt")
    (tmp_path / "vocab.json").write_text(json.dumps(list("abc ")))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "lstm_replica", "value": "r1", "url": url}])
    page = context.new_page()
    assert page.request.get(url + "/_stcore/health").headers.get("x-replica") == f"127.0.0.1:{port + 1}"
    page.goto(url + "/")
    page.wait_for_selector("[data-testid='stApp']")
    settle(page)
    upload(page, tmp_path / "mine.pt", tmp_path / "vocab.json")
    page.get_by_text("Showing your model “mine.pt”").wait_for()
    box = page.get_by_test_id("live-text")
    box.fill("")
    box.press_sequentially("abc cab")
    page.wait_for_function("() => new URL(location).searchParams.get('text') === 'abc cab'", timeout=WAIT)
    settle(page)
    first = [p for p in descendants(proc.pid)
             if f"--server.port\0{port + 1}\0" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
    assert len(first) == 1, first
    os.kill(first[0], signal.SIGTERM)
    for _ in range(40):
        if not _busy(port + 1):
            break
        time.sleep(0.25)
    page.locator("[data-testid='stSidebarNav']").get_by_text("Forget gate").click(timeout=90_000)
    page.wait_for_function("() => location.pathname.endsWith('/forget')")
    settle(page)
    page.wait_for_function("() => document.querySelector(\"[data-testid='live-text']\").value === 'abc cab'",
                           timeout=WAIT)
    settle(page)
    page.get_by_text("Your model “mine.pt” is no longer on the server").wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert {c["name"]: c["value"] for c in context.cookies()}["lstm_replica"] == "r2"
    assert page.request.get(url + "/_stcore/health").headers.get("x-replica") == f"127.0.0.1:{port + 2}"
    shot(page, "replicas-after-the-fall")
    context.close()
