"""``/repos/{owner}/{repo}/git``: the Git database API (refs, commits, trees, blobs)."""

from __future__ import annotations

import base64

from ..errors import ApiError, not_found
from ..formats import parse_iso
from ..objects import Signature
from ..state import CommitMeta
from .base import REPO, Call, Context, Reply, Routes

routes = Routes()


# -- refs


@routes.get(REPO + "/git/ref/{ref+}")
def get_ref(ctx: Context, call: Call) -> Reply:
    ref = "refs/" + call.params["ref"]
    if ref not in ctx.state.refs:
        raise not_found()
    return Reply(200, ctx.views.ref(ref))


@routes.get(REPO + "/git/matching-refs/{ref*}")
def matching_refs(ctx: Context, call: Call) -> Reply:
    prefix = "refs/" + call.params["ref"]
    return ctx.paginate(
        call, [ctx.views.ref(ref) for ref in sorted(ctx.state.refs) if ref.startswith(prefix)]
    )


@routes.post(REPO + "/git/refs")
def create_ref(ctx: Context, call: Call) -> Reply:
    ref = call.arg("ref", str)
    ctx.state.create_ref(ref, call.arg("sha", str))
    return Reply(201, ctx.views.ref(ref))


@routes.patch(REPO + "/git/refs/{ref+}")
def update_ref(ctx: Context, call: Call) -> Reply:
    ref = "refs/" + call.params["ref"]
    ctx.state.update_ref(ref, call.arg("sha", str), bool(call.arg("force", bool, False, False)))
    return Reply(200, ctx.views.ref(ref))


@routes.delete(REPO + "/git/refs/{ref+}")
def delete_ref(ctx: Context, call: Call) -> Reply:
    ctx.state.delete_ref("refs/" + call.params["ref"], call.actor)
    return Reply(204)


# -- commits


@routes.get(REPO + "/git/commits/{commit_sha}")
def get_git_commit(ctx: Context, call: Call) -> Reply:
    if ctx.state.store.kind(call.params["commit_sha"]) != "commit":
        raise not_found()
    return Reply(200, ctx.views.git_commit(call.params["commit_sha"]))


def signature(ctx: Context, call: Call, name: str) -> Signature | None:
    given = call.arg(name, dict, required=False)
    if given is None:
        return None
    if not isinstance(given.get("name"), str) or not isinstance(given.get("email"), str):
        raise ApiError(422, f"Invalid request.\n\n{name} needs a name and an email.")
    timestamp = parse_iso(given["date"]) if given.get("date") else ctx.state.tick()
    return Signature(given["name"], given["email"], timestamp)


@routes.post(REPO + "/git/commits")
def create_commit(ctx: Context, call: Call) -> Reply:
    s = ctx.state
    message, tree = call.arg("message", str), call.arg("tree", str)
    parents = call.arg("parents", list, required=False, default=[])
    if s.store.kind(tree) != "tree":
        raise ApiError(422, "Tree SHA does not exist")
    for parent in parents:
        if not isinstance(parent, str) or s.store.kind(parent) != "commit":
            raise ApiError(422, "Parent SHA does not exist or is not a commit object")
    bot = s.identity(call.actor)
    author = signature(ctx, call, "author") or bot
    committer = signature(ctx, call, "committer") or author
    sha = s.write_commit(tree, parents, message, author, committer, CommitMeta(call.actor, call.actor, True))
    return Reply(201, ctx.views.git_commit(sha))


# -- trees


@routes.get(REPO + "/git/trees/{tree_sha+}")
def get_tree(ctx: Context, call: Call) -> Reply:
    s, sha = ctx.state, call.params["tree_sha"]
    if s.store.kind(sha) != "tree":
        commit = s.resolve(sha)
        if commit is None:
            raise not_found()
        sha = s.store.commit(commit).tree
    return Reply(200, ctx.views.tree(sha, recursive="recursive" in call.query))


@routes.post(REPO + "/git/trees")
def create_tree(ctx: Context, call: Call) -> Reply:
    changes = call.arg("tree", list)
    if not all(isinstance(change, dict) for change in changes):
        raise ApiError(422, "Invalid request.\n\ntree entries must be objects.")
    sha = ctx.state.apply_tree_changes(call.arg("base_tree", str, required=False), changes)
    return Reply(201, ctx.views.tree(sha))


# -- blobs


@routes.get(REPO + "/git/blobs/{file_sha}")
def get_blob(ctx: Context, call: Call) -> Reply:
    if ctx.state.store.kind(call.params["file_sha"]) != "blob":
        raise not_found()
    return Reply(200, ctx.views.blob(call.params["file_sha"]))


@routes.post(REPO + "/git/blobs")
def create_blob(ctx: Context, call: Call) -> Reply:
    content = call.arg("content", str)
    encoding = call.arg("encoding", str, required=False, default="utf-8")
    if encoding not in ("utf-8", "base64"):
        raise ApiError(422, f"encoding {encoding!r} is not supported")
    data = base64.b64decode(content) if encoding == "base64" else content.encode()
    sha = ctx.state.store.put_blob(data)
    return Reply(201, {"url": f"{ctx.views.repo_api}/git/blobs/{sha}", "sha": sha})
