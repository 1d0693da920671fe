from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import dates


@pytest.mark.parametrize(
    ("text", "stored", "shown"),
    [
        ("2023", "2023", "2023年"),
        ("2023-04", "2023-04", "2023年4月"),
        ("2023-4-9", "2023-04-09", "2023年4月9日"),
        ("2023/04/19", "2023-04-19", "2023年4月19日"),
        ("2023.4", "2023-04", "2023年4月"),
        ("2023年4月19日", "2023-04-19", "2023年4月19日"),
        ("2022年12月", "2022-12", "2022年12月"),
        ("2023年", "2023", "2023年"),
        (" 2023-04-19 ", "2023-04-19", "2023年4月19日"),
        # Common ways of writing a date that are not ambiguous (issue 8).
        ("March 2024", "2024-03", "2024年3月"),
        ("Mar 2024", "2024-03", "2024年3月"),
        ("mar. 2024", "2024-03", "2024年3月"),
        ("Sept 2023", "2023-09", "2023年9月"),
        ("March 1, 2024", "2024-03-01", "2024年3月1日"),
        ("1st March 2024", "2024-03-01", "2024年3月1日"),
        ("2024 March", "2024-03", "2024年3月"),
        ("03/2024", "2024-03", "2024年3月"),
        ("3-2024", "2024-03", "2024年3月"),
        ("2024年3月1号", "2024-03-01", "2024年3月1日"),
        ("２０２４－０３", "2024-03", "2024年3月"),
        ("２０２４年３月１日", "2024-03-01", "2024年3月1日"),
        ("13/04/2024", "2024-04-13", "2024年4月13日"),
        ("04/04/2024", "2024-04-04", "2024年4月4日"),
        # Review round: more of the same classes.
        ("Mar-2024", "2024-03", "2024年3月"),  # an English month joined by a hyphen or slash
        ("Mar/2024", "2024-03", "2024年3月"),
        ("2024-Mar", "2024-03", "2024年3月"),
        ("19-Apr-2023", "2023-04-19", "2023年4月19日"),
        ("2023 - 04", "2023-04", "2023年4月"),  # spaces around the separator
        ("2023 / 4 / 19", "2023-04-19", "2023年4月19日"),
        ("2023.4.19.", "2023-04-19", "2023年4月19日"),  # sentence punctuation after it
        ("2024年3月。", "2024-03", "2024年3月"),
        ("2024年三月", "2024-03", "2024年3月"),  # Chinese numerals
        ("2024年十二月二十一日", "2024-12-21", "2024年12月21日"),
        ("二〇二四年三月", "2024-03", "2024年3月"),
        ("二零二三年十月十日", "2023-10-10", "2023年10月10日"),
        ("2024-03-01T08:30:00Z", "2024-03-01", "2024年3月1日"),  # a timestamp pasted from a page
        ("2024-03-01 10:00", "2024-03-01", "2024年3月1日"),
        ("20240301", "2024-03-01", "2024年3月1日"),
        ("202403", "2024-03", "2024年3月"),
    ],
)
def test_accepted_spellings(text: str, stored: str, shown: str) -> None:
    released = dates.parse(text)
    assert released.stored() == stored
    assert released.display() == shown


@pytest.mark.parametrize(
    "text",
    [
        "2023-13",
        "2023-02-30",
        "23-04",
        "2023-04/19",
        "Smarch 2023",
        "2023年13月",
        "31/02/2024",
        "",
        "2024年十三月",
        "二〇二四年十十月",
        "20241301",
        "2024-03-01T25:00",
    ],
)
def test_rejected_spellings_say_how_to_write_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        dates.parse(text)


def test_future_means_even_the_earliest_day_is_after_today() -> None:
    today = dt.date(2026, 11, 25)
    assert not dates.is_future(dates.parse("2026-11"), today)
    assert not dates.is_future(dates.parse("2026"), today)
    assert dates.is_future(dates.parse("2026-11-26"), today)
    assert dates.is_future(dates.parse("2026-12"), today)
    assert dates.is_future(dates.parse("2027"), today)


@given(
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.sampled_from(["{y}-{m}-{d}", "{y}/{m}/{d}", "{y}年{m}月{d}日"]),
)
def test_every_real_date_round_trips_through_stored_form(day: dt.date, pattern: str) -> None:
    text = pattern.format(y=f"{day.year:04d}", m=day.month, d=day.day)
    assert dates.parse(dates.parse(text).stored()) == dates.parse(text)
    assert dates.parse(text).earliest() == day


def test_a_day_and_month_that_could_be_either_way_round_is_refused_with_both_readings() -> None:
    with pytest.raises(dates.DateError) as raised:
        dates.parse("03/04/2024")
    assert raised.value.code == "date-ambiguous"
    assert raised.value.values == {
        "value": "“03/04/2024”",
        "month_first": "2024-03-04",
        "day_first": "2024-04-03",
    }


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.booleans())
def test_full_width_spellings_read_like_ascii(day: dt.date, with_day: bool) -> None:
    text = f"{day.year:04d}-{day.month:02d}" + (f"-{day.day:02d}" if with_day else "")
    wide = text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})  # ２０２４－０３
    assert dates.parse(wide) == dates.parse(text)


CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese(number: int) -> str:
    """1–31 as written in Chinese: 三, 十, 十二, 二十一, 三十."""
    tens, units = divmod(number, 10)
    return (
        (CHINESE_DIGITS[tens] if tens > 1 else "")
        + ("十" if tens else "")
        + (CHINESE_DIGITS[units] if units else "")
    )


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.booleans())
def test_dates_in_chinese_numerals_read_like_digits(day: dt.date, year_in_numerals: bool) -> None:
    year = "".join(CHINESE_DIGITS[int(d)] for d in f"{day.year}") if year_in_numerals else str(day.year)
    assert dates.parse(f"{year}年{chinese(day.month)}月{chinese(day.day)}日").earliest() == day


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_date_error_never_a_crash(text: str) -> None:
    try:
        dates.parse(text)
    except dates.DateError as exc:
        assert exc.code.startswith("date-")


def test_the_accepted_forms_are_said_in_each_language_of_its_own() -> None:
    from bot.model import Problem

    with pytest.raises(dates.DateError) as raised:
        dates.parse("sometime")
    problem = Problem(raised.value.code, raised.value.values)
    assert "或" in problem.zh and " or " not in problem.zh and "/ or" not in problem.zh
    assert " or " in problem.en and "或" not in problem.en
