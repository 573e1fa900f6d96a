"""Background trainings (explorer/shell/jobs.py) as the pages show them: the one fragment that follows a
session's trainings while they run, the sidebar's status, and why a training was refused, in the user's
language."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from explorer.shell import jobs
from explorer.shell.state import say, session_id

SIDEBAR_SECONDS = 5.0   # the sidebar's status: a training's step every few seconds is enough


def refusal(err: jobs.TooManyJobs) -> str:
    """Why jobs.start refused: this person is already training something else, or the server is full."""
    if isinstance(err, jobs.SessionBusy):
        return say("jobs_session_busy", name=say("job_" + err.running))
    return say("jobs_busy", n=jobs.MAX_RUNNING)


def retrain_memory() -> str | None:
    """The memory page's "train again": every pair of the recall task retrained in the background (600
    steps); the refusal's sentence when it cannot start."""
    from explorer.training import train_memory  # imports torch: only once someone trains

    try:
        jobs.start(session_id(), "memory", train_memory.retrain_work(steps=600, seed=1))
    except jobs.TooManyJobs as refused:
        return refusal(refused)
    return None


def follow(name: str | None, every: float, body: Callable, ended_key: str | None = None) -> None:
    """Draw body(job) (None: not started) for this session's training `name`, again every `every` seconds
    while it runs, and nothing more once it has ended; `name` None: body(the session's running trainings).
    Each run tells the trainings that their session is still open (jobs.heartbeat). `ended_key`: the
    session-state key under which the whole page reruns once a training has ended, so that what the page
    draws from its result outside this fragment is drawn."""
    session = session_id()
    jobs.heartbeat(session)

    def now():
        return jobs.running_of(session) if name is None else jobs.get(session, name)

    def running(got) -> bool:
        return bool(got) if name is None else got is not None and got.running

    @st.fragment(run_every=every if running(now()) else None)
    def _follow():
        jobs.heartbeat(session)
        got = now()
        body(got)
        if ended_key is not None and got is not None and not got.running and st.session_state.get(ended_key) != id(got):
            st.session_state[ended_key] = id(got)
            st.rerun()

    _follow()


def _sidebar_lines(running) -> None:
    for j in running:
        p, _ = j.snapshot()
        st.caption(say("sidebar_training", name=say("job_" + j.name), step=p.get("step", 0)))


def training_status() -> None:
    """In the sidebar on every page: this session's running trainings, refreshed while one runs."""
    with st.sidebar:
        follow(None, SIDEBAR_SECONDS, _sidebar_lines)
