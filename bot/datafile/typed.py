"""Plain YAML scalars that a typed reader would not read back as the text written (pure).

The bot reads every value of the data file as text (`1.10`, `0123`, `~` stay as written), but Hugo,
which builds the page's open data (models.json, models.csv) and feed from the same file, reads YAML
typed: unquoted `1.10` becomes the number 1.1, `0123` the octal 83, `+5` 5, `1_000` 1000, `True` true,
`~` and `null` nothing. Such a value would be published differently from what the table shows, so
`check` asks for quotes. Values a typed reader shows exactly as written (`2023`, `-1`, `1.5`, `true`)
and values it reads as text anyway (`2023-04`, `1.5B`, `yes`) are fine. What Hugo does is judged by
real Hugo in the tests (tests/test_typed_scalars.py); this errs on the side of asking for quotes for
number-like oddities (`1e3`, `09`) that other YAML readers would type.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

Kind = Literal["number", "boolean", "null"]

TRIGGER = frozenset("0123456789+-._~tTfFnN")
"""First characters of every value `kind` can flag (a cheap test before the patterns)."""
_NUMBER = re.compile(
    r"[-+]{0,2}(?:0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|0[bB][01_]*"
    r"|_*(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9_]+)?)"
)
_SPECIAL = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")
_BOOLEAN = re.compile(r"true|True|TRUE|false|False|FALSE")
_NULL = re.compile(r"~|null|Null|NULL")
_DECIMAL = re.compile(r"-?[0-9]+")
_FRACTION = re.compile(r"-?[0-9]+\.[0-9]+")


def kind(text: str) -> Kind | None:
    """What a typed YAML reader makes of the plain scalar `text` when that is not the text itself;
    None when it reads back as written."""
    if not text or text[0] not in TRIGGER:
        return None
    if _NULL.fullmatch(text):
        return "null"
    if _BOOLEAN.fullmatch(text):
        return None if text in ("true", "false") else "boolean"
    if _SPECIAL.fullmatch(text) or (_NUMBER.fullmatch(text) and any(c.isdigit() for c in text)):
        return None if _canonical_number(text) else "number"
    return None


def _canonical_number(text: str) -> bool:
    """A number written the way Go prints it back (Hugo's `string`): `2023`, `-1`, `1.5`, not `1.0`."""
    if _DECIMAL.fullmatch(text):
        return str(int(text)) == text
    if _FRACTION.fullmatch(text):
        return _go_float(float(text)) == text
    return False


def _go_float(value: float) -> str:
    """strconv.FormatFloat(value, 'f', -1, 64): the shortest digits that read back, no exponent."""
    text = repr(value)
    if "e" in text:
        text = format(Decimal(text), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
