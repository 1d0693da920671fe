"""JSON views: repository state rendered as the JSON GitHub's REST API returns."""

from __future__ import annotations

import difflib
import urllib.parse

from .errors import not_found
from .formats import EPOCH, JsonDict, iso, node_id, user_id, wrapped_base64
from .objects import MergeConflict, TreeEntry, diff_files
from .state import EventRecord, RepoState

CONTENTS_API_LIMIT = 1024 * 1024
"""The contents API returns a file's content up to 1 MB; larger ones need the blobs API or the raw media type."""


class Views:
    """Renders repository state as the JSON GitHub's REST API returns."""

    def __init__(self, state: RepoState, api_url: str, html_url: str = "https://github.com") -> None:
        self.state = state
        self.root_url = api_url
        self.prefix = ""  # "/api/v3" while answering a request that used it: PyGithub checks URLs have it
        self.html = html_url
        self.repo_html = f"{html_url}/{state.owner}/{state.name}"

    @property
    def api(self) -> str:
        return self.root_url + self.prefix

    @property
    def repo_api(self) -> str:
        return f"{self.api}/repos/{self.state.owner}/{self.state.name}"

    def user(self, login: str) -> JsonDict:
        bot = login.endswith("[bot]")
        url = f"{self.api}/users/{urllib.parse.quote(login)}"
        return {
            "login": login,
            "id": user_id(login),
            "node_id": node_id("U", login),
            "avatar_url": f"https://avatars.githubusercontent.com/u/{user_id(login)}?v=4",
            "gravatar_id": "",
            "url": url,
            "html_url": f"{self.html}/apps/{login.removesuffix('[bot]')}" if bot else f"{self.html}/{login}",
            "followers_url": f"{url}/followers",
            "following_url": f"{url}/following{{/other_user}}",
            "gists_url": f"{url}/gists{{/gist_id}}",
            "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{url}/subscriptions",
            "organizations_url": f"{url}/orgs",
            "repos_url": f"{url}/repos",
            "events_url": f"{url}/events{{/privacy}}",
            "received_events_url": f"{url}/received_events",
            "type": "Bot" if bot else "User",
            "user_view_type": "public",
            "site_admin": False,
        }

    def public_user(self, login: str) -> JsonDict:
        """An account as ``GET /users/{username}`` shows it."""
        profile = dict.fromkeys(("name", "company", "blog", "location", "email", "hireable", "bio"))
        counts = dict.fromkeys(("public_repos", "public_gists", "followers", "following"), 0)
        return self.user(login) | profile | counts | {"created_at": iso(EPOCH), "updated_at": iso(EPOCH)}

    def repository(self, owner: str, name: str, *, fork: bool = False) -> JsonDict:
        """A repository as pull requests embed it (the ``repository`` schema)."""
        s = self.state
        full_name = f"{owner}/{name}"
        api = f"{self.api}/repos/{full_name}"
        html = f"{self.html}/{full_name}"
        ours = full_name.lower() == s.full_name.lower()
        templates = {
            "archive_url": "/{archive_format}{/ref}",
            "assignees_url": "/assignees{/user}",
            "blobs_url": "/git/blobs{/sha}",
            "branches_url": "/branches{/branch}",
            "collaborators_url": "/collaborators{/collaborator}",
            "comments_url": "/comments{/number}",
            "commits_url": "/commits{/sha}",
            "compare_url": "/compare/{base}...{head}",
            "contents_url": "/contents/{+path}",
            "contributors_url": "/contributors",
            "deployments_url": "/deployments",
            "downloads_url": "/downloads",
            "events_url": "/events",
            "forks_url": "/forks",
            "git_commits_url": "/git/commits{/sha}",
            "git_refs_url": "/git/refs{/sha}",
            "git_tags_url": "/git/tags{/sha}",
            "hooks_url": "/hooks",
            "issue_comment_url": "/issues/comments{/number}",
            "issue_events_url": "/issues/events{/number}",
            "issues_url": "/issues{/number}",
            "keys_url": "/keys{/key_id}",
            "labels_url": "/labels{/name}",
            "languages_url": "/languages",
            "merges_url": "/merges",
            "milestones_url": "/milestones{/number}",
            "notifications_url": "/notifications{?since,all,participating}",
            "pulls_url": "/pulls{/number}",
            "releases_url": "/releases{/id}",
            "stargazers_url": "/stargazers",
            "statuses_url": "/statuses/{sha}",
            "subscribers_url": "/subscribers",
            "subscription_url": "/subscription",
            "tags_url": "/tags",
            "teams_url": "/teams",
            "trees_url": "/git/trees{/sha}",
        }
        open_issues = sum(1 for i in s.issues.values() if i.state == "open") if ours else 0
        return {
            "id": user_id(full_name),
            "node_id": node_id("R", full_name),
            "name": name,
            "full_name": full_name,
            "owner": self.user(owner),
            "private": False,
            "visibility": "public",
            "fork": fork,
            "description": None,
            "homepage": None,
            "language": None,
            "license": None,
            "mirror_url": None,
            "html_url": html,
            "url": api,
            **{key: api + suffix for key, suffix in templates.items()},
            "clone_url": f"{html}.git",
            "git_url": f"git://github.com/{full_name}.git",
            "ssh_url": f"git@github.com:{full_name}.git",
            "svn_url": html,
            "default_branch": s.default_branch,
            "permissions": {"admin": False, "maintain": False, "push": ours, "triage": ours, "pull": True},
            "has_issues": True,
            "has_projects": False,
            "has_wiki": False,
            "has_pages": True,
            "has_downloads": True,
            "has_discussions": False,
            "archived": False,
            "disabled": False,
            "allow_merge_commit": True,
            "allow_squash_merge": True,
            "allow_rebase_merge": False,
            "delete_branch_on_merge": False,
            "forks": 0,
            "forks_count": 0,
            "open_issues": open_issues,
            "open_issues_count": open_issues,
            "size": 0,
            "stargazers_count": 0,
            "watchers": 0,
            "watchers_count": 0,
            "pushed_at": iso(EPOCH),
            "created_at": iso(EPOCH),
            "updated_at": iso(EPOCH),
        }

    def repo(self) -> JsonDict:
        """This repository as ``GET /repos/{owner}/{repo}`` returns it (the ``full-repository`` schema)."""
        return self.repository(self.state.owner, self.state.name) | {
            "network_count": 0,
            "subscribers_count": 0,
        }

    def ref(self, ref: str) -> JsonDict:
        sha = self.state.refs[ref]
        return {
            "ref": ref,
            "node_id": node_id("REF", ref),
            "url": f"{self.repo_api}/git/{urllib.parse.quote(ref)}",
            "object": {"sha": sha, "type": "commit", "url": f"{self.repo_api}/git/commits/{sha}"},
        }

    def verification(self, sha: str) -> JsonDict:
        if self.state.commit_meta[sha].verified:
            return {
                "verified": True,
                "reason": "valid",
                "signature": "-----BEGIN PGP SIGNATURE-----\n...",
                "payload": self.state.store.commit(sha).to_git().decode(),
                "verified_at": None,
            }
        return {
            "verified": False,
            "reason": "unsigned",
            "signature": None,
            "payload": None,
            "verified_at": None,
        }

    def git_commit(self, sha: str) -> JsonDict:
        commit = self.state.store.commit(sha)
        return {
            "sha": sha,
            "node_id": node_id("C", sha),
            "url": f"{self.repo_api}/git/commits/{sha}",
            "html_url": f"{self.repo_html}/commit/{sha}",
            "author": commit.author.to_json(),
            "committer": commit.committer.to_json(),
            "message": commit.message,
            "tree": {"sha": commit.tree, "url": f"{self.repo_api}/git/trees/{commit.tree}"},
            "parents": [self.parent(parent) for parent in commit.parents],
            "verification": self.verification(sha),
        }

    def parent(self, sha: str) -> JsonDict:
        return {
            "sha": sha,
            "url": f"{self.repo_api}/git/commits/{sha}",
            "html_url": f"{self.repo_html}/commit/{sha}",
        }

    def tree_entry(self, path: str, entry: TreeEntry) -> JsonDict:
        kind = entry.type
        item: JsonDict = {
            "path": path,
            "mode": "040000" if kind == "tree" else entry.mode,
            "type": kind,
            "sha": entry.sha,
        }
        if kind == "blob":
            item["size"] = len(self.state.store.blob(entry.sha))
        if kind != "commit":
            item["url"] = f"{self.repo_api}/git/{kind}s/{entry.sha}"
        return item

    def tree(self, sha: str, recursive: bool = False) -> JsonDict:
        store = self.state.store
        entries = store.walk(sha) if recursive else ((e.name, e) for e in store.tree(sha))
        return {
            "sha": sha,
            "url": f"{self.repo_api}/git/trees/{sha}",
            "tree": [self.tree_entry(path, entry) for path, entry in entries],
            "truncated": False,
        }

    def blob(self, sha: str) -> JsonDict:
        data = self.state.store.blob(sha)
        return {
            "sha": sha,
            "node_id": node_id("B", sha),
            "size": len(data),
            "url": f"{self.repo_api}/git/blobs/{sha}",
            "content": wrapped_base64(data),
            "encoding": "base64",
        }

    def content_item(self, path: str, entry: TreeEntry, ref: str, with_content: bool) -> JsonDict:
        kind = {"tree": "dir", "commit": "submodule"}.get(entry.type, "file")
        quoted = urllib.parse.quote(path)
        url = f"{self.repo_api}/contents/{quoted}?ref={urllib.parse.quote(ref)}"
        git_url = f"{self.repo_api}/git/{'trees' if kind == 'dir' else 'blobs'}/{entry.sha}"
        html_url = f"{self.repo_html}/{'tree' if kind == 'dir' else 'blob'}/{ref}/{quoted}"
        item: JsonDict = {
            "type": kind,
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "sha": entry.sha,
            "size": len(self.state.store.blob(entry.sha)) if kind == "file" else 0,
            "url": url,
            "html_url": html_url,
            "git_url": git_url,
            "download_url": None
            if kind == "dir"
            else f"https://raw.githubusercontent.com/{self.state.full_name}/{ref}/{quoted}",
            "_links": {"self": url, "git": git_url, "html": html_url},
        }
        if with_content and kind == "file":
            data = self.state.store.blob(entry.sha)
            if len(data) > CONTENTS_API_LIMIT:  # as GitHub: 1-100 MB files come without their content
                item["content"], item["encoding"] = "", "none"
            else:
                item["content"], item["encoding"] = wrapped_base64(data), "base64"
        return item

    def contents(self, path: str, ref: str | None) -> JsonDict | list[JsonDict]:
        ref = ref or self.state.default_branch
        commit = self.state.resolve(ref)
        if commit is None:
            raise not_found(f"No commit found for the ref {ref}")
        path = path.strip("/")
        entry = self.state.store.lookup(self.state.store.commit(commit).tree, path)
        if entry is None:
            raise not_found()
        if entry.type == "tree":
            prefix = path + "/" if path else ""
            return [
                self.content_item(prefix + e.name, e, ref, False) for e in self.state.store.tree(entry.sha)
            ]
        return self.content_item(path, entry, ref, True)

    def label(self, name: str) -> JsonDict:
        label = self.state.label(name)
        return {
            "id": label.id,
            "node_id": node_id("LA", label.id),
            "url": f"{self.repo_api}/labels/{urllib.parse.quote(label.name)}",
            "name": label.name,
            "color": label.color,
            "default": False,
            "description": label.description,
        }

    def issue(self, number: int, *, gone_ok: bool = False) -> JsonDict:
        """An issue (or a pull request seen as one); ``gone_ok`` renders a deleted or transferred one
        as it was (for the webhook payload that reports it)."""
        issue = self.state.issues[number] if gone_ok else self.state.issue(number)
        url = f"{self.repo_api}/issues/{number}"
        data: JsonDict = {
            "url": url,
            "repository_url": self.repo_api,
            "labels_url": f"{url}/labels{{/name}}",
            "comments_url": f"{url}/comments",
            "events_url": f"{url}/events",
            "html_url": f"{self.repo_html}/{'pull' if issue.is_pull else 'issues'}/{number}",
            "id": issue.id,
            "node_id": node_id("PR" if issue.is_pull else "I", issue.id),
            "number": number,
            "title": issue.title,
            "user": self.user(issue.user),
            "labels": [self.label(name) for name in issue.labels],
            "state": issue.state,
            "state_reason": issue.state_reason,
            "locked": False,
            "assignee": None,
            "assignees": [],
            "milestone": None,
            "comments": sum(1 for c in self.state.comments.values() if c.issue == number),
            "created_at": iso(issue.created_at),
            "updated_at": iso(issue.updated_at),
            "closed_at": iso(issue.closed_at) if issue.closed_at else None,
            "author_association": self.state.author_association(issue.user),
            "active_lock_reason": None,
            "body": issue.body,
        }
        if issue.is_pull:
            merged_at = self.state.pulls[number].merged_at
            data["pull_request"] = {
                "url": f"{self.repo_api}/pulls/{number}",
                "html_url": data["html_url"],
                "diff_url": f"{data['html_url']}.diff",
                "patch_url": f"{data['html_url']}.patch",
                "merged_at": iso(merged_at) if merged_at else None,
            }
        return data

    def event(self, event: EventRecord) -> JsonDict:
        return {
            "id": event.id,
            "node_id": node_id("E", event.id),
            "url": f"{self.repo_api}/issues/events/{event.id}",
            "actor": self.user(event.actor),
            "event": event.event,
            "commit_id": event.commit_id,
            "commit_url": f"{self.repo_api}/commits/{event.commit_id}" if event.commit_id else None,
            "created_at": iso(event.created_at),
            "performed_via_github_app": None,
        }

    def comment(self, comment_id: int) -> JsonDict:
        comment = self.state.comment(comment_id)
        prefix = "pull" if self.state.issues[comment.issue].is_pull else "issues"
        return {
            "id": comment.id,
            "node_id": node_id("IC", comment.id),
            "url": f"{self.repo_api}/issues/comments/{comment.id}",
            "html_url": f"{self.repo_html}/{prefix}/{comment.issue}#issuecomment-{comment.id}",
            "issue_url": f"{self.repo_api}/issues/{comment.issue}",
            "body": comment.body,
            "user": self.user(comment.user),
            "created_at": iso(comment.created_at),
            "updated_at": iso(comment.updated_at),
            "author_association": self.state.author_association(comment.user),
        }

    def pull_part(self, branch: str, sha: str, owner: str | None = None) -> JsonDict:
        """A pull request's head or base; ``owner`` is a fork's owner for a head in a fork."""
        s = self.state
        owner = owner or s.owner
        repo = self.repository(owner, s.name, fork=owner != s.owner)
        return {
            "label": f"{owner}:{branch}",
            "ref": branch,
            "sha": sha,
            "user": self.user(owner),
            "repo": repo,
        }

    def pull(self, number: int, full: bool = True) -> JsonDict:
        """A pull request; list items (``full=False``) lack the merge and diff fields, as on GitHub."""
        s, pull, issue = self.state, self.state.pull(number), self.issue(number)
        url = f"{self.repo_api}/pulls/{number}"
        data: JsonDict = {
            "url": url,
            "id": pull.id,
            "node_id": node_id("PR", pull.id),
            "html_url": issue["html_url"],
            "diff_url": f"{issue['html_url']}.diff",
            "patch_url": f"{issue['html_url']}.patch",
            "issue_url": issue["url"],
            "commits_url": f"{url}/commits",
            "review_comments_url": f"{url}/comments",
            "review_comment_url": f"{self.repo_api}/pulls/comments{{/number}}",
            "comments_url": issue["comments_url"],
            "statuses_url": f"{self.repo_api}/statuses/{pull.head_sha}",
            "number": number,
            "state": issue["state"],
            "locked": False,
            "title": issue["title"],
            "user": issue["user"],
            "body": issue["body"],
            "labels": issue["labels"],
            "milestone": None,
            "active_lock_reason": None,
            "created_at": issue["created_at"],
            "updated_at": issue["updated_at"],
            "closed_at": issue["closed_at"],
            "merged_at": iso(pull.merged_at) if pull.merged_at else None,
            "merge_commit_sha": pull.merge_commit_sha,
            "assignee": None,
            "assignees": [],
            "requested_reviewers": [],
            "requested_teams": [],
            "head": self.pull_part(pull.head, pull.head_sha, pull.head_owner),
            "base": self.pull_part(pull.base, pull.base_sha),
            "author_association": issue["author_association"],
            "auto_merge": None,
            "draft": pull.draft,
            "_links": {
                "self": {"href": url},
                "html": {"href": issue["html_url"]},
                "issue": {"href": issue["url"]},
                "comments": {"href": issue["comments_url"]},
                "review_comments": {"href": f"{url}/comments"},
                "review_comment": {"href": f"{self.repo_api}/pulls/comments{{/number}}"},
                "commits": {"href": f"{url}/commits"},
                "statuses": {"href": f"{self.repo_api}/statuses/{pull.head_sha}"},
            },
        }
        if not full:
            return data
        mergeable: bool | None = None
        if issue["state"] == "open":
            try:
                base = s.store.merge_base(pull.base_sha, pull.head_sha)
                s.merge_trees(base, pull.base_sha, pull.head_sha)
                mergeable = True
            except MergeConflict:
                mergeable = False
        files = self.pull_files(number)
        data.update(
            merged=pull.merged_at is not None,
            mergeable=mergeable,
            rebaseable=mergeable,
            mergeable_state={True: "clean", False: "dirty", None: "unknown"}[mergeable],
            merged_by=self.user(pull.merged_by) if pull.merged_by else None,
            comments=issue["comments"],
            review_comments=0,
            maintainer_can_modify=pull.maintainer_can_modify,
            commits=len(self.pull_commit_shas(number)),
            additions=sum(f["additions"] for f in files),
            deletions=sum(f["deletions"] for f in files),
            changed_files=len(files),
        )
        return data

    def pull_commit_shas(self, number: int) -> list[str]:
        pull, store = self.state.pull(number), self.state.store
        base = (
            pull.base_sha if pull.merged_at is None else store.commit(pull.merge_commit_sha or "").parents[0]
        )
        shas = store.ancestors(pull.head_sha) - store.ancestors(base)
        return sorted(shas, key=lambda sha: (store.commit(sha).committer.timestamp, sha))

    def pull_files(self, number: int) -> list[JsonDict]:
        pull, store = self.state.pull(number), self.state.store
        commits = self.pull_commit_shas(number)
        if not commits:
            return []
        base = store.merge_base(pull.base_sha, pull.head_sha)
        return self.file_changes(base, pull.head_sha)

    def file_changes(self, old_commit: str | None, new_commit: str) -> list[JsonDict]:
        s = self.state
        old, new = s.tree_of(old_commit), s.tree_of(new_commit)
        result = []
        for path, status in diff_files(old, new):
            before = s.store.blob(old[path][1]).decode(errors="replace").splitlines() if path in old else []
            after = s.store.blob(new[path][1]).decode(errors="replace").splitlines() if path in new else []
            patch = list(difflib.unified_diff(before, after, lineterm="", n=3))[2:]
            additions = sum(1 for line in patch if line.startswith("+"))
            deletions = sum(1 for line in patch if line.startswith("-"))
            sha = new[path][1] if path in new else old[path][1]
            result.append(
                {
                    "sha": sha,
                    "filename": path,
                    "status": status,
                    "additions": additions,
                    "deletions": deletions,
                    "changes": additions + deletions,
                    "patch": "\n".join(patch),
                    "blob_url": f"{self.repo_html}/blob/{new_commit}/{urllib.parse.quote(path)}",
                    "raw_url": f"{self.repo_html}/raw/{new_commit}/{urllib.parse.quote(path)}",
                    "contents_url": f"{self.repo_api}/contents/{urllib.parse.quote(path)}?ref={new_commit}",
                }
            )
        return result

    def commit(self, sha: str, with_files: bool = False) -> JsonDict:
        """The REST ``commit`` (GET /commits/{ref}), which adds GitHub users to the git commit."""
        git, meta = self.git_commit(sha), self.state.commit_meta[sha]
        data: JsonDict = {
            "sha": sha,
            "node_id": git["node_id"],
            "url": f"{self.repo_api}/commits/{sha}",
            "html_url": git["html_url"],
            "comments_url": f"{self.repo_api}/commits/{sha}/comments",
            "commit": {key: git[key] for key in ("author", "committer", "message", "tree", "verification")}
            | {"url": git["url"], "comment_count": 0},
            "author": self.user(meta.author_login) if meta.author_login else None,
            "committer": self.user(meta.committer_login) if meta.committer_login else None,
            "parents": [
                {"sha": p, "url": f"{self.repo_api}/commits/{p}", "html_url": f"{self.repo_html}/commit/{p}"}
                for p in self.state.store.commit(sha).parents
            ],
        }
        if with_files:
            parents = self.state.store.commit(sha).parents
            data["files"] = self.file_changes(parents[0] if parents else None, sha)
            additions = sum(f["additions"] for f in data["files"])
            deletions = sum(f["deletions"] for f in data["files"])
            data["stats"] = {"additions": additions, "deletions": deletions, "total": additions + deletions}
        return data

    def branch(self, name: str) -> JsonDict:
        sha = self.state.branch_head(name)
        if sha is None:
            raise not_found("Branch not found")
        return {
            "name": name,
            "commit": self.commit(sha),
            "_links": {"self": f"{self.repo_api}/branches/{name}", "html": f"{self.repo_html}/tree/{name}"},
            "protected": False,
            "protection": {
                "enabled": False,
                "required_status_checks": {"enforcement_level": "off", "contexts": [], "checks": []},
            },
            "protection_url": f"{self.repo_api}/branches/{name}/protection",
        }

    def push_commit(self, sha: str) -> JsonDict:
        """A commit as listed in a ``push`` webhook payload."""
        commit, meta = self.state.store.commit(sha), self.state.commit_meta[sha]
        parent = commit.parents[0] if commit.parents else None
        changes = diff_files(self.state.tree_of(parent), self.state.tree_of(sha))
        return {
            "id": sha,
            "tree_id": commit.tree,
            "distinct": True,
            "message": commit.message,
            "timestamp": iso(commit.committer.timestamp),
            "url": f"{self.repo_html}/commit/{sha}",
            "author": {
                "name": commit.author.name,
                "email": commit.author.email,
                "username": meta.author_login,
            },
            "committer": {
                "name": commit.committer.name,
                "email": commit.committer.email,
                "username": meta.committer_login,
            },
            "added": [path for path, status in changes if status == "added"],
            "removed": [path for path, status in changes if status == "removed"],
            "modified": [path for path, status in changes if status == "modified"],
        }
