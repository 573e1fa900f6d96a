"""benchmarks/server_load.py's students (websocket clients sending what a browser sends) on the app: a small
class at once, each typing, visiting the forget page, clicking its map and coming back. Keeps the
benchmark working, and checks at the protocol what a class needs: each student's runs finish without a
traceback and the server takes each one's own text and click, never another's."""

from benchmarks import server_load


def test_a_small_class_of_websocket_students_each_keep_their_own_text(server):
    out = server_load.run_class(server, students=4, keys=4, chars=60)
    assert out["errors"] == []
    assert len(out["open"]) == 4 and len(out["heard"]) == 16
    assert len(out["page"]) == 8 and len(out["click"]) == 4
    assert out["replicas"] == [None] * 4           # one process: no proxy said which replica

