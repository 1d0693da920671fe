"""Check a plain web URL: HEAD, or a one-byte GET (`Range: bytes=0-0`) when HEAD is refused;
redirects followed one by one (up to a limit, loops detected), every answer recorded."""

from __future__ import annotations

import urllib.parse

from bot.audit.fetch import Failure, Fetcher
from bot.audit.targets import is_http
from bot.audit.verdicts import Hop, WebAnswer

RANGE = {"Range": "bytes=0-0"}


async def check(fetcher: Fetcher, url: str) -> WebAnswer:
    answer = await follow(fetcher, "HEAD", url)
    if answer.error is None and answer.hops and _head_refused(answer.hops[-1].status):
        return await follow(fetcher, "GET", url)
    return answer


def _head_refused(status: int) -> bool:
    """Anything but success is worth one GET: many servers answer HEAD with 405, 403, 404 or 5xx
    while GET works. A 429 is not retried with another method (it would be rate limited too)."""
    return not 200 <= status < 300 and status != 429


async def follow(fetcher: Fetcher, method: str, url: str) -> WebAnswer:
    hops: list[Hop] = []
    seen = {url.partition("#")[0]}
    current = url
    for _ in range(fetcher.settings.max_redirects + 1):
        reply = await fetcher.send(method, current, headers=RANGE if method == "GET" else None)
        if isinstance(reply, Failure):
            return WebAnswer(tuple(hops), reply.error, reply.wait)
        if reply.wait is not None:
            return WebAnswer((*hops, Hop(current, reply.status)), "rate-limit", reply.wait)
        if not 300 <= reply.status < 400 or reply.status == 304:
            return WebAnswer((*hops, Hop(current, reply.status)))
        location = reply.headers.get("location", "").strip()
        target = urllib.parse.urljoin(current, location) if location else ""
        if not is_http(target):
            return WebAnswer((*hops, Hop(current, reply.status)), "bad-redirect")
        hops.append(Hop(current, reply.status, target))
        if target.partition("#")[0] in seen:
            return WebAnswer(tuple(hops), "redirect-loop")
        seen.add(target.partition("#")[0])
        current = target
    return WebAnswer(tuple(hops), "too-many-redirects")
