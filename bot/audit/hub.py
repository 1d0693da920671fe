"""Ask the Hugging Face Hub API (HF_ENDPOINT, as huggingface_hub reads it) about models, datasets and
spaces: `GET /api/{models|datasets|spaces}/{org}/{name}`. A renamed repository redirects to its new
name; `gated` says whether access must be requested; the license comes from the card or the tags."""

from __future__ import annotations

import urllib.parse

from bot.audit import verdicts
from bot.audit.fetch import Failure, Fetcher
from bot.audit.verdicts import ApiAnswer

DEFAULT_ENDPOINT = "https://huggingface.co"


async def repository(fetcher: Fetcher, endpoint: str, kind: str, repo_id: str) -> ApiAnswer:
    """`kind` is models, datasets or spaces; `repo_id` is `org/name`."""
    org, _, name = repo_id.partition("/")
    url = f"{endpoint.rstrip('/')}/api/{kind}/{urllib.parse.quote(org, safe='')}/{urllib.parse.quote(name, safe='')}"
    for _ in range(4):
        reply = await fetcher.send("GET", url, headers={"Accept": "application/json"}, read_body=True)
        if isinstance(reply, Failure):
            return ApiAnswer(error=reply.error, wait=reply.wait)
        location = reply.headers.get("location")
        if 300 <= reply.status < 400 and location:
            url = urllib.parse.urljoin(url, location)
            continue
        if reply.status != 200:
            return ApiAnswer(
                status=reply.status, error_code=reply.headers.get("x-error-code"), wait=reply.wait
            )
        data = reply.json()
        canonical = str(data.get("id") or verdicts.hub_repo_id(url) or repo_id)
        gated = data.get("gated")
        return ApiAnswer(
            status=200,
            name=canonical,
            moved_to=canonical if canonical.lower() != repo_id.lower() else None,
            gated=str(gated) if gated not in (None, False, "false", "") else None,
            license=verdicts.hub_license(data.get("cardData"), data.get("tags")),
        )
    return ApiAnswer(error="too-many-redirects")
