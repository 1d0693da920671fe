"""``GET /`` (the API root) and ``GET /rate_limit``."""

from __future__ import annotations

import time

from .base import Call, Context, Reply, Routes

RATE_LIMIT = 5000

routes = Routes()


@routes.get("/")
def root(ctx: Context, call: Call) -> Reply:
    api, html = ctx.views.api, ctx.views.html
    return Reply(
        200,
        {
            "current_user_url": f"{api}/user",
            "current_user_authorizations_html_url": f"{html}/settings/connections/applications{{/client_id}}",
            "authorizations_url": f"{api}/authorizations",
            "code_search_url": f"{api}/search/code?q={{query}}{{&page,per_page,sort,order}}",
            "commit_search_url": f"{api}/search/commits?q={{query}}{{&page,per_page,sort,order}}",
            "emails_url": f"{api}/user/emails",
            "emojis_url": f"{api}/emojis",
            "events_url": f"{api}/events",
            "feeds_url": f"{api}/feeds",
            "followers_url": f"{api}/user/followers",
            "following_url": f"{api}/user/following{{/target}}",
            "gists_url": f"{api}/gists{{/gist_id}}",
            "issue_search_url": f"{api}/search/issues?q={{query}}{{&page,per_page,sort,order}}",
            "issues_url": f"{api}/issues",
            "keys_url": f"{api}/user/keys",
            "label_search_url": f"{api}/search/labels?q={{query}}&repository_id={{repository_id}}{{&page,per_page}}",
            "notifications_url": f"{api}/notifications",
            "organization_url": f"{api}/orgs/{{org}}",
            "organization_repositories_url": f"{api}/orgs/{{org}}/repos{{?type,page,per_page,sort}}",
            "organization_teams_url": f"{api}/orgs/{{org}}/teams",
            "public_gists_url": f"{api}/gists/public",
            "rate_limit_url": f"{api}/rate_limit",
            "repository_url": f"{api}/repos/{{owner}}/{{repo}}",
            "repository_search_url": f"{api}/search/repositories?q={{query}}{{&page,per_page,sort,order}}",
            "current_user_repositories_url": f"{api}/user/repos{{?type,page,per_page,sort}}",
            "starred_url": f"{api}/user/starred{{/owner}}{{/repo}}",
            "starred_gists_url": f"{api}/gists/starred",
            "user_url": f"{api}/users/{{user}}",
            "user_organizations_url": f"{api}/user/orgs",
            "user_repositories_url": f"{api}/users/{{user}}/repos{{?type,page,per_page,sort}}",
            "user_search_url": f"{api}/search/users?q={{query}}{{&page,per_page,sort,order}}",
        },
    )


@routes.get("/rate_limit")
def rate_limit(ctx: Context, call: Call) -> Reply:
    rate = {"limit": RATE_LIMIT, "remaining": RATE_LIMIT, "reset": int(time.time()) + 3600, "used": 0}
    resources = {name: dict(rate, resource=name) for name in ("core", "search", "graphql")}
    return Reply(200, {"resources": resources, "rate": rate})
