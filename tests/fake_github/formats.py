"""How GitHub writes identifiers and times: user ids, node ids, ISO timestamps, wrapped base64."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from typing import Any

JsonDict = dict[str, Any]

EPOCH = 1_704_067_200  # 2024-01-01T00:00:00Z, start of the fake clock
KNOWN_USER_IDS = {"github-actions[bot]": 41898282, "web-flow": 19864447}


def iso(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def user_id(login: str) -> int:
    return KNOWN_USER_IDS.get(login) or int(hashlib.sha1(login.encode()).hexdigest()[:7], 16)


def node_id(kind: str, ident: object) -> str:
    return f"{kind}_" + base64.b64encode(f"{kind}:{ident}".encode()).decode().rstrip("=")


def wrapped_base64(data: bytes) -> str:
    """Base64 with a newline every 60 characters, as the contents and blobs APIs return it."""
    encoded = base64.b64encode(data).decode()
    return "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60))
