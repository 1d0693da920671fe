"""Release dates: the spellings contributors use, the stored form, the seed's display form."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.model import quote

_NUMERIC = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$")
_CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
ACCEPTED_FORMS = "2023, 2023-04, 2023-04-19, 2023/4/19, 2023.04.19 或 / or 2023年4月19日"


class DateError(ValueError):
    """Not a date: `code` and `values` name the message in the catalog."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass(frozen=True, order=True)
class Released:
    """A release date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def stored(self) -> str:
        """The normalized form kept in the data file: YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """The seed's style: 2023年4月19日, 2022年12月, 2023年."""
        text = f"{self.year}年"
        if self.month is not None:
            text += f"{self.month}月"
        if self.day is not None:
            text += f"{self.day}日"
        return text

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def parse(text: str) -> Released:
    """Read any accepted spelling; DateError says what is wrong."""
    value = text.strip()
    m = _NUMERIC.match(value)
    parts = (m.group(1), m.group(3), m.group(4)) if m else None
    if parts is None:
        c = _CHINESE.match(value)
        parts = (c.group(1), c.group(2), c.group(3)) if c else None
    if parts is None:
        raise DateError("date-unknown", value=quote(value), forms=ACCEPTED_FORMS)
    year, month, day = (int(p) if p else None for p in parts)
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise DateError("date-not-real", value=quote(value)) from None
    return Released(year, month, day)


def is_future(released: Released, today: dt.date) -> bool:
    """True when even the earliest day the value could mean is after `today`."""
    return released.earliest() > today
