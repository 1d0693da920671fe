"""The audit's words come from the message catalog (bot/locales/*/audit.ftl); this module only puts
them together: `中文 / English`, a detail with how far a failure streak got, state names."""

from __future__ import annotations

from collections.abc import Mapping

from bot import catalog

STATE_CODES = {
    "ok": "audit-state-ok",
    "moved": "audit-state-moved",
    "archived": "audit-state-archived",
    "gated": "audit-state-gated",
    "unverified": "audit-state-unverified",
    "dead": "audit-state-dead",
}
JOINERS = {"zh": "，", "en": "; "}


def both(code: str, values: Mapping[str, object] | None = None) -> str:
    """`中文 / English` on one line."""
    return catalog.both(code, values, sep=" / ")


def say(code: str, lang: catalog.Language, values: Mapping[str, object] | None = None) -> str:
    return catalog.say(code, lang, values)


def state(name: str) -> str:
    return both(STATE_CODES[name])


def detail(
    code: str,
    args: Mapping[str, object],
    *,
    pending: tuple[int, int] | None = None,
    repeated: int = 0,
    cap: int = 0,
) -> str:
    """A verdict's detail, with how far a failure streak got: `pending` (count, needed) for a URL
    proven gone but not yet dead, `repeated` for a URL unverified in several audits in a row."""
    parts: list[tuple[str, Mapping[str, object]]] = [(code, args)]
    if pending is not None:
        parts.append(("audit-pending", {"count": pending[0], "needed": pending[1]}))
    elif repeated > 1:
        parts.append(("audit-repeated", {"count": f"{repeated}+" if repeated == cap else str(repeated)}))
    return " / ".join(
        JOINERS[lang].join(catalog.say(c, lang, v) for c, v in parts) for lang in catalog.LANGUAGES
    )
