"""``/repos/{owner}/{repo}/issues/{issue_number}/events``: what happened to an issue or pull request."""

from __future__ import annotations

from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


@routes.get(REPO + "/issues/{issue_number}/events")
def list_issue_events(ctx: Context, call: Call) -> Reply:
    number = call.int_param("issue_number")
    ctx.state.issue(number)
    events = [ctx.views.event(e) for e in ctx.state.events if e.issue == number]
    return ctx.paginate(call, events)
