"""Background jobs: one per session, a global cap, stop on reset / new start / abandoned session."""
import os
import time
from pathlib import Path

import pytest

from explorer.shell import jobs


def wait(cond, seconds=5.0):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.02)
    return False


def looping(job):
    n = 0
    while not job.stopped():
        n += 1
        job.report(step=n)
        time.sleep(0.01)
    return n


def test_a_new_start_stops_the_sessions_old_job():
    first = jobs.start("s1", "t", looping)
    assert wait(lambda: first.progress.get("step", 0) > 2)
    second = jobs.start("s1", "t", looping)
    assert wait(lambda: first.finished)
    assert second.running and jobs.get("s1", "t") is second
    jobs.stop("s1", "t")
    assert wait(lambda: second.finished)


def test_sessions_do_not_share_jobs_and_the_cap_holds():
    started = [jobs.start(f"cap{k}", "t", looping) for k in range(jobs.MAX_RUNNING)]
    with pytest.raises(jobs.TooManyJobs):
        jobs.start("cap-extra", "t", looping)
    assert jobs.get("cap-extra", "t") is None
    for k in range(jobs.MAX_RUNNING):
        assert jobs.get(f"cap{k}", "t") is started[k]
        jobs.stop(f"cap{k}", "t")
    assert wait(lambda: all(j.finished for j in started))


def test_an_abandoned_session_stops_its_job(monkeypatch):
    monkeypatch.setattr(jobs, "ORPHAN_SECONDS", 0.3)
    job = jobs.start("gone", "t", looping)
    assert wait(lambda: job.finished, 3.0)  # no heartbeat since the start


def test_pause_holds_the_worker():
    job = jobs.start("p", "t", looping)
    assert wait(lambda: job.progress.get("step", 0) > 1)
    job.pause(True)
    time.sleep(0.1)
    held = job.progress["step"]
    time.sleep(0.2)
    assert job.progress["step"] <= held + 1
    job.pause(False)
    assert wait(lambda: job.progress["step"] > held + 2)
    job.stop()
    assert wait(lambda: job.finished)


def test_an_error_is_kept_not_raised():
    def broken(job):
        raise ValueError("boom")

    job = jobs.start("err", "t", broken)
    assert wait(lambda: job.finished)
    assert "boom" in job.error


@pytest.fixture(autouse=True)
def no_training_left():
    """Each test starts and ends with no training thread in the process."""
    def settle():
        for job in list(jobs._threads):
            job.stop()
        assert wait(lambda: jobs.running_count() == 0)
    settle()
    yield
    settle()


def chunky(seconds):
    """A worker whose chunks take `seconds` and that only notices a stop between chunks."""
    def work(job):
        n = 0
        while not job.stopped():
            time.sleep(seconds)
            n += 1
            job.report(step=n)
        return n
    return work


def test_a_paused_job_whose_tab_is_gone_stops(monkeypatch):
    monkeypatch.setattr(jobs, "ORPHAN_SECONDS", 0.3)
    job = jobs.start("paused-gone", "t", looping)
    assert wait(lambda: job.progress.get("step", 0) > 1)
    job.pause(True)                      # then no heartbeat: the tab was closed while paused
    assert wait(lambda: job.finished, 3.0)
    assert jobs.running_count() == 0


def test_a_paused_job_whose_tab_is_open_stays_paused(monkeypatch):
    monkeypatch.setattr(jobs, "ORPHAN_SECONDS", 0.3)
    job = jobs.start("paused-here", "t", looping)
    assert wait(lambda: job.progress.get("step", 0) > 1)
    job.pause(True)
    end = time.time() + 0.8
    while time.time() < end:
        jobs.heartbeat("paused-here")
        time.sleep(0.05)
    assert job.running and job.paused


def test_one_session_runs_one_training_at_a_time():
    first = jobs.start("one", "last_letter", looping)
    with pytest.raises(jobs.SessionBusy) as refused:
        jobs.start("one", "next_word", looping)
    assert refused.value.running == "last_letter"
    assert jobs.get("one", "next_word") is None and first.running and not first._stop.is_set()
    other = jobs.start("someone-else", "next_word", looping)   # other sessions are not affected
    assert other.running
    jobs.forget("one", "last_letter")                          # Reset: now the other kind may start
    second = jobs.start("one", "next_word", looping)
    assert second.running and jobs.running_count() <= 2 + (0 if first.finished else 1)


def test_a_replaced_job_counts_until_its_thread_ends(monkeypatch):
    monkeypatch.setattr(jobs, "MAX_RUNNING", 2)
    monkeypatch.setattr(jobs, "JOIN_SECONDS", 0.05)           # too short for the 0.6 s chunk
    old = jobs.start("clicker", "t", chunky(0.6))
    new = jobs.start("clicker", "t", chunky(0.6))             # a second Train click
    assert old.stopping and jobs.running_count() == 2         # both threads exist
    with pytest.raises(jobs.TooManyJobs):
        jobs.start("late", "t", looping)
    assert wait(lambda: old.finished, 3.0)
    assert jobs.running_count() == 1
    late = jobs.start("late", "t", looping)
    assert late.running and new.running


def test_quick_train_clicks_never_exceed_the_cap(monkeypatch):
    monkeypatch.setattr(jobs, "JOIN_SECONDS", 0.0)
    started = []
    for _ in range(8):
        try:
            started.append(jobs.start("impatient", "t", chunky(0.3)))
        except jobs.TooManyJobs:
            pass
        assert jobs.running_count() <= jobs.MAX_RUNNING
    assert len([j for j in started if j.running]) <= jobs.MAX_RUNNING


def test_a_new_start_waits_for_the_old_chunk_to_end(monkeypatch):
    monkeypatch.setattr(jobs, "JOIN_SECONDS", 2.0)
    old = jobs.start("patient", "t", chunky(0.3))
    assert wait(lambda: old.progress.get("step", 0) >= 1)
    jobs.start("patient", "t", chunky(0.3))
    assert old.finished and jobs.running_count() == 1


def test_a_reset_job_counts_until_its_thread_ends(monkeypatch):
    monkeypatch.setattr(jobs, "MAX_RUNNING", 1)
    job = jobs.start("resetter", "t", chunky(0.5))
    jobs.forget("resetter", "t")
    assert jobs.get("resetter", "t") is None and jobs.running_count() == 1
    with pytest.raises(jobs.TooManyJobs):
        jobs.start("other", "t", looping)
    assert wait(lambda: job.finished, 3.0)
    assert jobs.start("other", "t", looping).running


def test_finished_jobs_of_gone_sessions_are_pruned(monkeypatch):
    monkeypatch.setattr(jobs, "PRUNE_SECONDS", 0.3)
    gone = jobs.start("left-long-ago", "t", lambda job: 42)
    here = jobs.start("still-here", "t", lambda job: 7)
    assert wait(lambda: gone.finished and here.finished)
    end = time.time() + 0.5
    while time.time() < end:
        jobs.heartbeat("still-here")
        time.sleep(0.05)
    assert jobs.get("left-long-ago", "t") is None and "left-long-ago" not in jobs._seen
    assert jobs.get("still-here", "t") is here and here.result == 7


def test_a_class_starting_trainings_at_once_stays_within_both_caps():
    """32 students, each clicking Train on both case pages and the RNN retrain at the same moment:
    never more than MAX_RUNNING threads in the process, never two running for one student."""
    import threading

    worst, doubled, stop = [0], [], threading.Event()

    def watch():
        while not stop.is_set():
            worst[0] = max(worst[0], jobs.running_count())
            per_student = {}
            for j in list(jobs._jobs.values()):
                if j.running:
                    per_student[j.session] = per_student.get(j.session, 0) + 1
            doubled.extend(s for s, n in per_student.items() if n > 1)
            time.sleep(0.002)

    def student(k):
        for name in ("last_letter", "next_word", "memory"):
            try:
                jobs.start(f"class{k}", name, looping)
            except jobs.TooManyJobs:      # SessionBusy is one too: refused with a message, never an error
                pass

    watcher = threading.Thread(target=watch)
    watcher.start()
    crowd = [threading.Thread(target=student, args=(k,)) for k in range(32)]
    for t in crowd:
        t.start()
    for t in crowd:
        t.join()
    time.sleep(0.2)
    stop.set()
    watcher.join()
    assert 1 <= worst[0] <= jobs.MAX_RUNNING and doubled == []
    assert jobs.running_count() <= jobs.MAX_RUNNING


def test_the_server_does_not_collect_all_garbage_after_every_run():
    """Streamlit's runner.postScriptGC (a full gc.collect(2) after each script and fragment run) held the
    GIL 0.2-0.6 s a run with torch loaded: two people training at once took 58-60 s instead of 14 s
    (benchmarks.training_together). The app's config turns it off, and Streamlit reads it so."""
    import tomllib
    from streamlit import config

    path = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
    assert tomllib.loads(path.read_text(encoding="utf-8"))["runner"]["postScriptGC"] is False
    cwd = os.getcwd()
    try:
        os.chdir(path.parent.parent)     # read the project's file afresh, as `streamlit run` does from the root
        config.get_config_options(force_reparse=True)
        assert config.get_option("runner.postScriptGC") is False
    finally:
        os.chdir(cwd)
        config.get_config_options(force_reparse=True)
