"""What the pages say about background trainings (explorer.training.jobs), in the user's language."""
from __future__ import annotations

from explorer.shell import ui
from explorer.training import jobs


def refusal(err: jobs.TooManyJobs) -> str:
    """Why jobs.start refused: this person is already training something else, or the server is full."""
    if isinstance(err, jobs.SessionBusy):
        return ui.say("jobs_session_busy", name=ui.say("job_" + err.running))
    return ui.say("jobs_busy", n=jobs.MAX_RUNNING)
