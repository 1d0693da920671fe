"""The audit's memory as text hidden in the tracking issue, and back (pure).

    <!-- leaderboard-bot:audit-state
    {"urls":{"https://…":{"dead":1,"state":"unverified"}},"version":1}
    -->

JSON with sorted keys (the same memory gives the same text, so an unchanged run edits nothing), `<`
and `>` written as `\\u003c`/`\\u003e` so the comment cannot be closed early. Read back, it is
validated against `SCHEMA`; anything else (a hand edit, an older format) counts as no memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from bot.audit.history import Memory
from bot.audit.verdicts import STATES

VERSION = 1
OPEN = "<!-- leaderboard-bot:audit-state"
BLOCK = re.compile(re.escape(OPEN) + r"\n(.*?)\n-->", re.DOTALL)
BUDGET = 24_000
"""At most this many characters of state in the issue body (GitHub allows 65,536 in all)."""
MAX_BODY = 200_000

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "urls"],
    "properties": {
        "version": {"const": VERSION},
        "urls": {
            "type": "object",
            "propertyNames": {"pattern": "^https?://", "maxLength": 2000},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "state": {"enum": list(STATES)},
                    "dead": {"type": "integer", "minimum": 0, "maximum": 1000},
                    "unverified": {"type": "integer", "minimum": 0, "maximum": 1000},
                    "etag": {"type": "string", "maxLength": 200},
                },
            },
        },
    },
}


def _record(memory: Memory) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if memory.state != "ok":
        record["state"] = memory.state
    if memory.dead:
        record["dead"] = memory.dead
    if memory.unverified:
        record["unverified"] = memory.unverified
    if memory.etag:
        record["etag"] = memory.etag
    return record


def _text(records: Mapping[str, dict[str, Any]]) -> str:
    text = json.dumps({"version": VERSION, "urls": records}, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def dump(memory: Mapping[str, Memory], budget: int = BUDGET) -> str:
    """The hidden block. Over budget, ETags go first (they only save rate limit), then unverified
    counts (informative), last the state and dead counts the rules need; URLs in order, from the end."""
    records = {url: _record(m) for url, m in sorted(memory.items()) if not m.empty}
    base = len(_text({}))
    sizes = {url: len(_text({url: r})) - base + 2 for url, r in records.items()}  # +2: the ", " between
    total = base + sum(sizes.values())
    for drop in ("etag", "unverified", "*"):
        for url in reversed(list(records)):
            if total <= budget:
                break
            if drop == "*":
                del records[url]
            else:
                records[url].pop(drop, None)
                if not records[url]:
                    del records[url]
            total -= sizes[url]
            sizes[url] = len(_text({url: records[url]})) - base + 2 if url in records else 0
            total += sizes[url]
    return f"{OPEN}\n{_text(records)}\n-->"


def parse(body: str) -> dict[str, Memory] | None:
    """The memory hidden in an issue body; None when there is none or it is not valid."""
    if len(body) > MAX_BODY:
        return None
    match = BLOCK.search(body.replace("\r\n", "\n"))
    if match is None:
        return None
    try:
        doc = json.loads(match.group(1))
    except ValueError:
        return None
    from jsonschema import Draft202012Validator

    if not Draft202012Validator(SCHEMA).is_valid(doc):
        return None
    return {
        url: Memory(
            state=r.get("state", "ok"),
            dead=r.get("dead", 0),
            unverified=r.get("unverified", 0),
            etag=r.get("etag"),
        )
        for url, r in doc["urls"].items()
    }
