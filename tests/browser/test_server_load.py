"""benchmarks/server_load.py's students (websocket clients sending what a browser sends) on the app: a small
class at once, each typing, visiting the forget page, clicking its map and coming back. Keeps the
benchmark working, and checks at the protocol what a class needs: each student's runs finish without a
traceback and the server takes each one's own text and click, never another's."""

import pytest

from benchmarks import server_load
from benchmarks.keystroke import serve
from explorer.shell.jobs import MAX_RUNNING


def test_a_small_class_of_websocket_students_each_keep_their_own_text(server):
    out = server_load.run_class(server, students=4, keys=4, chars=60)
    assert out["errors"] == []
    assert len(out["open"]) == 4 and len(out["heard"]) == 16
    assert len(out["page"]) == 8 and len(out["click"]) == 4
    assert out["replicas"] == [None] * 4           # one process: no proxy said which replica



@pytest.fixture(scope="module")
def fresh_server():
    """A server of its own: no earlier test's training counts towards its cap, and its first runs are
    the class's (where a module half-imported by another session's thread once showed a traceback)."""
    proc, url = serve("explorer/app.py")
    yield url
    proc.terminate()
    proc.wait()


def test_trainings_stay_capped_per_person_and_in_the_process_while_a_class_types(fresh_server):
    """Five students press Train on case 1 within two seconds while six type: at most MAX_RUNNING train at
    once, the rest are told the server is busy and get their turn by pressing again; while training, Train
    on case 2 is refused (one training a person); every training finishes, and no one sees a traceback."""
    out = server_load.run_class(fresh_server, students=6, keys=12, chars=60, trainers=5)
    assert out["errors"] == []
    assert len(out["heard"]) == 6 * 12
    trainings = out["trainings"]
    assert len(trainings) == 5 and all("finished" in r for r in trainings)
    assert 1 <= server_load.most_at_once(trainings) <= MAX_RUNNING
    assert sum(r["presses"] for r in trainings) > 5            # some were turned away, and came back
    assert all(r["second_refused"] for r in trainings)
