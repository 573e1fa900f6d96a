"""Background training jobs: at most one per browser session, at most MAX_RUNNING in the process.

- A job runs `work(job)` in a daemon thread. `work` reports through job.report(**values) and
  checks job.stopped() often; it returns its result.
- The page that owns a job calls jobs.heartbeat(session) on every run; a job whose session has not
  been seen for ORPHAN_SECONDS (the tab was closed) stops by itself. Starting a new job for a
  session stops its old one first.
- Everything a job holds belongs to its session: no job is ever shown to another session.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

MAX_RUNNING = 3
ORPHAN_SECONDS = 45.0


class TooManyJobs(RuntimeError):
    """The process is already training MAX_RUNNING models for other sessions."""


@dataclass
class Job:
    session: str
    name: str
    started: float = field(default_factory=time.time)
    progress: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    result: Any = None
    error: str | None = None
    finished: bool = False
    _stop: threading.Event = field(default_factory=threading.Event)
    _pause: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, **values) -> None:
        with self._lock:
            self.progress = dict(values)
            self.history.append(dict(values))

    def snapshot(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        with self._lock:
            return dict(self.progress), list(self.history)

    def stop(self) -> None:
        self._stop.set()
        self._pause.clear()

    def stopped(self) -> bool:
        """True once stopped; while paused, waits here (the worker checks this between steps)."""
        while self._pause.is_set() and not self._stop.is_set():
            time.sleep(0.05)
        return self._stop.is_set() or time.time() - _seen.get(self.session, 0) > ORPHAN_SECONDS

    def pause(self, paused: bool) -> None:
        (self._pause.set if paused else self._pause.clear)()

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    @property
    def running(self) -> bool:
        return not self.finished


_jobs: dict[tuple[str, str], Job] = {}
_seen: dict[str, float] = {}
_lock = threading.Lock()


def heartbeat(session: str) -> None:
    _seen[session] = time.time()


def running_of(session: str) -> list[Job]:
    return [j for (s, _), j in list(_jobs.items()) if s == session and j.running]


def running_count() -> int:
    return sum(1 for j in _jobs.values() if j.running)


def get(session: str, name: str) -> Job | None:
    return _jobs.get((session, name))


def stop(session: str, name: str) -> None:
    job = _jobs.get((session, name))
    if job is not None:
        job.stop()


def start(session: str, name: str, work: Callable[[Job], Any]) -> Job:
    """Start `work` for this session (stopping the session's previous job of that name)."""
    heartbeat(session)
    with _lock:
        old = _jobs.get((session, name))
        if old is not None:
            old.stop()
        if running_count() - (1 if old is not None and old.running else 0) >= MAX_RUNNING:
            raise TooManyJobs(f"{MAX_RUNNING} trainings are already running")
        job = Job(session, name)
        _jobs[(session, name)] = job

    def body():
        try:
            job.result = work(job)
        except Exception:  # the page shows the message; the server keeps running
            job.error = traceback.format_exc(limit=3)
        finally:
            job.finished = True

    threading.Thread(target=body, name=f"train-{name}", daemon=True).start()
    return job


def forget(session: str, name: str) -> None:
    """Drop the session's job of that name (after stopping it): the page starts afresh."""
    job = _jobs.pop((session, name), None)
    if job is not None:
        job.stop()
