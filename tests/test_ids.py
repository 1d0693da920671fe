"""Entry ids: URL-safe, unique, derived once from the name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot import ids


def test_latin_names_become_lowercase_slugs_keeping_version_numbers_apart() -> None:
    assert ids.derive("BioMedGPT-1.6B", set()) == "biomedgpt-1-6b"
    assert ids.derive("BioMedGPT-16B", set()) == "biomedgpt-16b"
    assert ids.derive("[ChatGLM-6B-Med](https://github.com/SCIR-HI/Med-ChatGLM)", set()) == "chatglm-6b-med"


def test_chinese_names_read_as_pinyin() -> None:
    assert ids.derive("文心一言", set()) == "wen-xin-yi-yan"
    assert ids.derive("本草Huatuo", set()) == "ben-cao-huatuo"


def test_asides_in_brackets_or_after_a_colon_are_left_out() -> None:
    assert ids.derive("BioMedLM（原PubMed GPT 2.7B）", set()) == "biomedlm"
    assert ids.derive("Almanac：临床医学检索增强语言模型", set()) == "almanac"
    assert ids.derive("（只有括号）", set()) == "zhi-you-gua-hao"


def test_taken_ids_get_a_number() -> None:
    assert ids.derive("OpenBioMed", {"openbiomed"}) == "openbiomed-2"
    assert ids.derive("OpenBioMed", {"openbiomed", "openbiomed-2"}) == "openbiomed-3"
    assert ids.assign(["A", "a", "A!"]) == ["a", "a-2", "a-3"]


def test_names_without_letters_still_get_an_id() -> None:
    assert ids.derive("🙂🙂", set()) == "model"
    assert ids.derive("", {"model"}) == "model-2"


@given(st.lists(st.text(max_size=120), max_size=8))
def test_any_names_get_distinct_url_safe_ids(names: list[str]) -> None:
    assigned = ids.assign(names)
    assert len(set(assigned)) == len(names)
    assert all(ids.PATTERN.match(i) and len(i) <= ids.MAX_LENGTH for i in assigned)
