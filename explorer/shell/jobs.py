"""Background training jobs: at most one running per browser session, at most MAX_RUNNING threads
in the process.

- A job runs `work(job)` in a daemon thread. `work` reports through job.report(**values) and
  checks job.stopped() often; it returns its result.
- The page that owns a job calls jobs.heartbeat(session) on every run; a job whose session has not
  been seen for ORPHAN_SECONDS (the tab was closed) stops by itself, paused or not.
- Starting a job again (same session, same name) stops the old one first. A session that is
  already running a job of another name is refused (SessionBusy): one training per person.
- A stopped job finishes its current chunk of work before its thread ends; until then it still
  counts towards MAX_RUNNING, so the cap counts threads that really exist.
- Finished jobs of sessions not seen for PRUNE_SECONDS are dropped (a closed tab leaves nothing).
- Everything a job holds belongs to its session: no job is ever shown to another session.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

MAX_RUNNING = 3          # training threads in the process
ORPHAN_SECONDS = 45.0    # a job stops when its session has not been seen for this long
JOIN_SECONDS = 2.0       # a new start waits this long for the job it replaces to end
PRUNE_SECONDS = 1800.0   # finished jobs of sessions not seen for this long are dropped
PAUSE_POLL = 0.05


class TooManyJobs(RuntimeError):
    """The process is already running MAX_RUNNING training threads."""


class SessionBusy(TooManyJobs):
    """This session is already training something else (`running` names it)."""

    def __init__(self, running: str):
        super().__init__(f"this session is already running {running!r}")
        self.running = running


@dataclass(eq=False)
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
    _done: threading.Event = field(default_factory=threading.Event)
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

    def orphaned(self) -> bool:
        return time.time() - _seen.get(self.session, 0) > ORPHAN_SECONDS

    def stopped(self) -> bool:
        """True once stopped or orphaned; while paused, waits here (the worker checks this between
        steps), and a paused job whose tab is gone stops too."""
        while self._pause.is_set() and not self._stop.is_set():
            if self.orphaned():
                self.stop()
                break
            time.sleep(PAUSE_POLL)
        return self._stop.is_set() or self.orphaned()

    def pause(self, paused: bool) -> None:
        (self._pause.set if paused else self._pause.clear)()

    def join(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the thread to end; True if it has."""
        return self._done.wait(timeout)

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    @property
    def stopping(self) -> bool:
        """Asked to stop, but its thread is still finishing the current chunk."""
        return self._stop.is_set() and not self.finished

    @property
    def running(self) -> bool:
        return not self.finished


_jobs: dict[tuple[str, str], Job] = {}   # the current job of each (session, name)
_threads: set[Job] = set()               # every job whose thread has not ended, replaced or not
_seen: dict[str, float] = {}
_lock = threading.Lock()


def heartbeat(session: str) -> None:
    _seen[session] = time.time()
    prune()


def prune() -> None:
    """Drop finished jobs, and the records, of sessions not seen for PRUNE_SECONDS."""
    cutoff = time.time() - PRUNE_SECONDS
    with _lock:
        for key, job in list(_jobs.items()):
            if job.finished and _seen.get(job.session, 0) < cutoff:
                del _jobs[key]
        busy = {s for s, _ in _jobs}
        for session, seen in list(_seen.items()):
            if seen < cutoff and session not in busy:
                del _seen[session]


def running_of(session: str) -> list[Job]:
    return [j for (s, _), j in list(_jobs.items()) if s == session and j.running]


def running_count() -> int:
    """Training threads that exist, including stopped jobs still finishing their chunk."""
    return sum(1 for j in list(_threads) if j.running)


def get(session: str, name: str) -> Job | None:
    return _jobs.get((session, name))


def stop(session: str, name: str) -> None:
    job = _jobs.get((session, name))
    if job is not None:
        job.stop()


def _refuse_if_busy(session: str, name: str) -> None:
    """One training per session: a running job of another name (not one already stopping) refuses."""
    for (s, n), j in _jobs.items():
        if s == session and n != name and j.running and not j.stopping:
            raise SessionBusy(n)


def start(session: str, name: str, work: Callable[[Job], Any]) -> Job:
    """Start `work` for this session (stopping the session's previous job of that name).

    Raises SessionBusy when the session is running a job of another name, TooManyJobs when the
    process already runs MAX_RUNNING training threads."""
    heartbeat(session)
    with _lock:
        _refuse_if_busy(session, name)
        old = _jobs.get((session, name))
        if old is not None:
            old.stop()
    if old is not None:
        old.join(JOIN_SECONDS)  # usually ends within its current chunk
    with _lock:
        _refuse_if_busy(session, name)
        current = _jobs.get((session, name))
        if current is not None:  # another start raced in between
            current.stop()
        if running_count() >= MAX_RUNNING:
            raise TooManyJobs(f"{MAX_RUNNING} trainings are already running")
        job = Job(session, name)
        _jobs[(session, name)] = job
        _threads.add(job)

    def body():
        try:
            job.result = work(job)
        except Exception:  # the page shows the message; the server keeps running
            job.error = traceback.format_exc(limit=3)
        finally:
            job.finished = True
            _threads.discard(job)
            job._done.set()

    threading.Thread(target=body, name=f"train-{name}", daemon=True).start()
    return job


def forget(session: str, name: str) -> None:
    """Drop the session's job of that name (after stopping it): the page starts afresh. Its thread
    still counts towards MAX_RUNNING until it has ended."""
    job = _jobs.pop((session, name), None)
    if job is not None:
        job.stop()

