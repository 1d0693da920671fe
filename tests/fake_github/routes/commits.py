"""``/repos/{owner}/{repo}/commits`` and ``/compare``: commits as GitHub users see them."""

from __future__ import annotations

from ..errors import ApiError, not_found
from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


def resolve(ctx: Context, ref: str) -> str:
    sha = ctx.state.resolve(ref)
    if sha is None:
        raise ApiError(422, f"No commit found for SHA: {ref}")
    return sha


def touches(ctx: Context, sha: str, path: str) -> bool:
    store = ctx.state.store
    commit = store.commit(sha)
    parent_tree = store.commit(commit.parents[0]).tree if commit.parents else None
    new = store.lookup(commit.tree, path)
    old = store.lookup(parent_tree, path) if parent_tree else None
    return new != old


@routes.get(REPO + "/commits")
def list_commits(ctx: Context, call: Call) -> Reply:
    store = ctx.state.store
    head = resolve(ctx, call.query.get("sha") or ctx.state.default_branch)
    shas = sorted(
        store.ancestors(head), key=lambda sha: (store.commit(sha).committer.timestamp, sha), reverse=True
    )
    if "path" in call.query:
        path = call.query["path"].strip("/")
        shas = [sha for sha in shas if touches(ctx, sha, path)]
    return ctx.paginate(call, [ctx.views.commit(sha) for sha in shas])


@routes.get(REPO + "/commits/{ref+}")
def get_commit(ctx: Context, call: Call) -> Reply:
    return Reply(200, ctx.views.commit(resolve(ctx, call.params["ref"]), with_files=True))


@routes.get(REPO + "/compare/{basehead+}")
def compare(ctx: Context, call: Call) -> Reply:
    store = ctx.state.store
    base_ref, dots, head_ref = call.params["basehead"].partition("...")
    if not dots:
        raise not_found()
    base, head = resolve(ctx, base_ref), resolve(ctx, head_ref)
    ahead = store.ancestors(head) - store.ancestors(base)
    behind = store.ancestors(base) - store.ancestors(head)
    status = "identical" if base == head else "behind" if not ahead else "ahead" if not behind else "diverged"
    merge_base = store.merge_base(base, head)
    commits = sorted(ahead, key=lambda sha: (store.commit(sha).committer.timestamp, sha))
    return Reply(
        200,
        {
            "url": f"{ctx.views.repo_api}/compare/{call.params['basehead']}",
            "html_url": f"{ctx.views.repo_html}/compare/{call.params['basehead']}",
            "status": status,
            "ahead_by": len(ahead),
            "behind_by": len(behind),
            "total_commits": len(ahead),
            "base_commit": ctx.views.commit(base),
            "merge_base_commit": ctx.views.commit(merge_base) if merge_base else None,
            "commits": [ctx.views.commit(sha) for sha in commits],
            "files": ctx.views.file_changes(merge_base, head),
        },
    )
