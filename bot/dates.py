"""Release dates: the spellings contributors use, the stored form, the seed's display form."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from bot.model import quote

_NUMERIC = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$")
_CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號])?)?$")
# Month first, a four-digit year last: 03/2024, 3-2024, 03.2024.
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
# Day and month both first: 03/04/2024 (which one is the month depends on the writer's country).
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"([a-z]+)\.?"
# March 2024, Mar. 2024, March 1, 2024, March 1st 2024, 1 March 2024, 2024 March.
_ENGLISH = (
    (re.compile(rf"^{_MONTH},?\s+(\d{{4}})$"), ("month", "year")),
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$"), ("month", "day", "year")),
    (
        re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})$"),
        ("day", "month", "year"),
    ),
    (re.compile(rf"^(\d{{4}})\s+{_MONTH}$"), ("year", "month")),
)
# The time of a timestamp pasted from a page (2024-03-01T08:30:00Z): the day is what is kept.
_TIME = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})[t ]([01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?$"
)
# 20240301 and 202403: the digits of a date without separators.
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
# Spaces around a separator between digits (2023 - 04), and an English month joined by - or / (Mar-2024).
_SPACED = re.compile(r"(?<=\d) *([-/.]) *(?=\d)")
_MONTH_JOINED = re.compile(r"(?<=[a-z.])[-/](?=\d)|(?<=\d)[-/](?=[a-z])")
_SENTENCE_END = ".,;!?。，；！？、"
# Chinese numerals: 二〇二四 (digit by digit), 十二, 二十一.
_CHINESE_NUMERAL = re.compile(r"[〇零一二三四五六七八九十]+")
_CHINESE_DIGIT = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}


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


_STORED = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
"""The stored form (YYYY, YYYY-MM, YYYY-MM-DD): read directly, as every row of the table is."""


def parse(text: str) -> Released:
    """Read any accepted spelling (full-width digits and punctuation too); DateError says what is wrong."""
    stored = _STORED.match(text)
    value = text if stored else text.strip()
    year, month, day = _stored_parts(stored) if stored else _spelled(value)
    if not _real(year, month or 1, day or 1):
        raise DateError("date-not-real", value=quote(value))
    return Released(year, month, day)


def _stored_parts(m: re.Match[str]) -> Parts:
    year, month, day = m.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _spelled(value: str) -> Parts:
    """The parts of a date written in any accepted spelling but the stored form."""
    normal = _normalized(value)
    parts = _numeric(normal) or _english(normal)
    if parts is None:
        ambiguous = _DAY_MONTH_YEAR.match(normal)
        if ambiguous:
            raise _ambiguous(value, ambiguous)
        raise DateError("date-unknown", value=quote(value))
    return parts


def _normalized(value: str) -> str:
    """NFKC, lower case, single spaces, no sentence punctuation after it, Chinese numerals as digits,
    no time of day, no spaces around separators, English months set apart from numbers."""
    normal = " ".join(unicodedata.normalize("NFKC", value).split()).lower()
    normal = normal.rstrip(_SENTENCE_END + " ")
    if "年" in normal:
        normal = _CHINESE_NUMERAL.sub(_digits, normal)
    normal = _TIME.sub(r"\1", _SPACED.sub(r"\1", normal))
    if compact := _COMPACT.match(normal):
        normal = "-".join(part for part in compact.groups() if part)
    return _MONTH_JOINED.sub(" ", normal)


def _digits(m: re.Match[str]) -> str:
    """二〇二四 → 2024, 十二 → 12, 二十一 → 21; a numeral that is none of these stays as written."""
    numeral = m.group(0)
    if "十" not in numeral:
        return "".join(str(_CHINESE_DIGIT[ch]) for ch in numeral)
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units or "〇" in tens + units or "零" in tens:
        return numeral
    return str(_CHINESE_DIGIT.get(tens, 1) * 10 + _CHINESE_DIGIT.get(units, 0))


Parts = tuple[int, int | None, int | None]


def _numeric(text: str) -> Parts | None:
    for pattern, order in ((_NUMERIC, (1, 3, 4)), (_CHINESE, (1, 2, 3)), (_MONTH_YEAR, (2, 1, 0))):
        m = pattern.match(text)
        if m:
            year, month, day = (int(m.group(i)) if i and m.group(i) else None for i in order)
            assert year is not None
            return year, month, day
    m = _DAY_MONTH_YEAR.match(text)
    if m:
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        readings = {(year, mo, d) for mo, d in ((first, second), (second, first)) if _real(year, mo, d)}
        if len(readings) == 1:  # 13/04/2024, or 04/04/2024: only one calendar date fits
            year, month, day = readings.pop()
            return year, month, day
    return None


def _english(text: str) -> Parts | None:
    for pattern, names in _ENGLISH:
        m = pattern.match(text)
        if m:
            got = dict(zip(names, m.groups(), strict=True))
            month = _MONTHS.get(got["month"])
            if month is None:
                return None
            return int(got["year"]), month, int(got["day"]) if "day" in got else None
    return None


def _real(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _ambiguous(value: str, m: re.Match[str]) -> DateError:
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if not (_real(year, first, second) or _real(year, second, first)):
        return DateError("date-not-real", value=quote(value))
    return DateError(
        "date-ambiguous",
        value=quote(value),
        month_first=Released(year, first, second).stored(),
        day_first=Released(year, second, first).stored(),
    )


def is_future(released: Released, today: dt.date) -> bool:
    """True when even the earliest day the value could mean is after `today`."""
    return released.earliest() > today
