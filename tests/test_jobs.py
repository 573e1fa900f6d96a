"""Background jobs: one per session, a global cap, stop on reset / new start / abandoned session."""
import time

import pytest

from explorer import jobs


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
