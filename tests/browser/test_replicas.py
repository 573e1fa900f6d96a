"""scripts/serve.sh: two replicas behind nginx. Several students at once: both replicas serve, and each
student's page, websocket and reruns stay on one replica, so each keeps their own text and state."""
import signal
import subprocess
import urllib.parse

import pytest

from benchmarks import server_load
from scripts.chromium import settle
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
        if not healthy(url, 120):
            raise RuntimeError("serve.sh did not start: " + (proc.stdout.read() if proc.poll() is not None else ""))
        yield url, port
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
    url, port = proxy
    seen, pages = {}, []
    for k in range(STUDENTS):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        response = page.goto(url + "/?" + urllib.parse.urlencode({"text": f"student {k} writes"}))
        page.wait_for_selector("[data-testid='stApp']")
        settle(page, 60_000)
        seen[k] = response.headers.get("x-replica")
        pages.append(page)
    assert set(seen.values()) == {f"127.0.0.1:{port + 1}", f"127.0.0.1:{port + 2}"}, seen
    for k, page in enumerate(pages):            # a rerun each: typing heard, then an example button
        box = page.get_by_test_id("live-text")
        box.click()
        box.press("End")
        box.press_sequentially(" more")
        page.wait_for_function(f"() => new URL(location).searchParams.get('text') === 'student {k} writes more'",
                               timeout=30_000)
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0
    for k, page in enumerate(pages):
        page.reload()                           # the same browser comes back to the same replica
        settle(page, 60_000)
        assert page.get_by_test_id("live-text").input_value() == f"student {k} writes more"
        again = page.request.get(url + "/_stcore/health")
        assert again.headers.get("x-replica") == seen[k]
    shot(pages[0], "replicas-student-0")
    for page in pages:
        page.context.close()


def test_websocket_students_through_the_proxy_keep_their_own_text(proxy):
    """benchmarks/server_load.py's students through nginx, each with its own cookie: the class is spread
    over both replicas, and every run of every student finishes and takes that student's own text and click."""
    url, port = proxy
    out = server_load.run_class(url, students=STUDENTS, keys=2, chars=60)
    assert out["errors"] == []
    assert len(out["heard"]) == 2 * STUDENTS and len(out["click"]) == STUDENTS
    assert set(out["replicas"]) == {f"127.0.0.1:{port + 1}", f"127.0.0.1:{port + 2}"}, out["replicas"]
