"""Duplicates: the same model under a look-alike, aliased or summarised name; the same repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import dataset, duplicates
from bot.form import parse_form

ROOT = Path(__file__).resolve().parent.parent
ROWS = dataset.load_rows((ROOT / "content/posts/medical-llm-leaderboard/models.yaml").read_text("utf-8"))
LABELS = parse_form((ROOT / ".github/ISSUE_TEMPLATE/new-model.yml").read_text(encoding="utf-8")).labels


def matches(name: str) -> list[str]:
    return [row["id"] for row in ROWS if duplicates.same_model(name, row)]


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("Chаtdoctor", "chatdoctor"),  # Cyrillic а
        ("BiоGPT", "biogpt"),  # Cyrillic о
        ("Βiogpt", "biogpt"),  # Greek capital beta
        ("ＢｉｏＧＰＴ", "biogpt"),  # full width
        ("Bio GPT", "biogpt"),
        ("bio-gpt", "biogpt"),
        ("BioGPT!", "biogpt"),
        ("[BioGPT](https://x.org)", "biogpt"),
        ("BioGPT 大规模生物医学", "biogpt"),  # name and (the start of) its summary typed together
        ("BioMedLM", "biomedlm"),  # the seed's alias: BioMedLM（原PubMed GPT 2.7B）
        ("PubMed GPT 2.7B", "biomedlm"),
        ("Taiyi", "tai-yi"),  # 太一（Taiyi）
        ("Almanac", "almanac"),  # Almanac：临床医学检索增强语言模型
        ("ChatGLM-6B-Med", "chatglm-6b-med"),  # stored as a link
        ("BenTsao（本草）", "bentsao"),  # a submitted name with an alias in brackets
        ("本草 (BenTsao)", "bentsao"),
        ("文心一言（ERNIE Bot）", "wen-xin-yi-yan"),
        ("BioGPT（大规模生物医学文献）", "biogpt"),
        ("Med-Flamingo一种适用于医学领域", "med-flamingo"),  # name and summary typed without a space
        ("春雨慧问基于大模型的AI在线问诊产品", "chun-yu-hui-wen"),
    ],
)
def test_the_same_model_is_found_whatever_the_spelling(name: str, entry: str) -> None:
    assert entry in matches(name)


@pytest.mark.parametrize(
    "name",
    [
        "BioMedGPT-16B",  # the seed has BioMedGPT-1.6B and BioMedGPT-10B: version numbers stay apart
        "BioMedGPT-1.5B",
        "Chat+Doctor",  # `+` is not dropped into nothing
        "ChatGLM 医疗版",  # a stored name and a description that is not that row's summary
        "BioGPT-2",
        "Med-PaLM M",
        "ChatDoctor (13B)",  # a bracketed size or version is not an alias: it names another model
        "BioGPT（v2）",
        "文心一言4.0",
        "ChatDDx",  # a stored name followed by something that is not its summary
        "Med-Flamingo一",  # too little of the summary to tell
    ],
)
def test_different_models_are_not_taken_for_duplicates(name: str) -> None:
    assert matches(name) == []


def test_a_duplicate_is_an_error_naming_the_row_and_its_id_in_both_languages() -> None:
    [problem] = duplicates.find_duplicate({"name": "BiоGPT"}, ROWS, LABELS)
    assert (problem.code, problem.severity, problem.field) == ("duplicate-name", "error", "name")
    assert problem.values["row"] == 3 and problem.values["id"] == "biogpt"
    assert "第 3 条" in problem.zh and "`biogpt`" in problem.zh
    assert "as row 3" in problem.en and "update form" in problem.en
    assert problem.label == "模型名称 / Model name"


@pytest.mark.parametrize(
    "url",
    [
        "http://github.com/microsoft/BioGPT",
        "https://www.github.com/microsoft/BioGPT/",
        "https://github.com/microsoft/BioGPT.git",
        "https://github.com/Microsoft/biogpt",
        "https://GitHub.com/microsoft/BioGPT#readme",
        "https://github.com/microsoft/BioGPT?tab=readme-ov-file",  # what GitHub's address bar shows
        "https://github.com/microsoft/BioGPT/tree/main",
        "https://github.com/microsoft/BioGPT/blob/main/README.md",
        "https://github.com/microsoft/BioGPT.GIT",
        "https://github.com./microsoft/BioGPT",
        "https://github.com:443/microsoft/BioGPT",
        "https://github.com/%6Dicrosoft/BioGPT",
    ],
)
def test_the_same_repository_written_differently_is_a_shared_url_warning(url: str) -> None:
    [problem] = duplicates.find_duplicate({"name": "Something new", "url": url}, ROWS, LABELS)
    assert (problem.code, problem.severity, problem.values["row"]) == ("duplicate-url", "warning", 3)


def test_paths_keep_their_case_outside_github_and_hugging_face() -> None:
    assert duplicates.url_key("https://x.org/A") != duplicates.url_key("https://x.org/a")
    assert duplicates.url_key("https://huggingface.co/WangLab/X") == duplicates.url_key(
        "https://huggingface.co/wanglab/x"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://huggingface.co/wanglab/ClinicalCamel-70B", "https://hf.co/wanglab/clinicalcamel-70b"),
        (
            "https://huggingface.co/wanglab/ClinicalCamel-70B",
            "https://huggingface.co/wanglab/ClinicalCamel-70B/tree/main",
        ),
        ("https://huggingface.co/datasets/a/b", "https://huggingface.co/datasets/a/b/viewer"),
        ("https://example.org/x?utm_source=wechat&id=3", "https://example.org/x?id=3"),
    ],
)
def test_the_same_model_page_written_differently_has_one_key(a: str, b: str) -> None:
    assert duplicates.url_key(a) == duplicates.url_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://github.com/microsoft/BioGPT", "https://github.com/microsoft/BioGPT-2"),
        ("https://github.com/microsoft", "https://github.com/microsoft/BioGPT"),
        ("https://huggingface.co/datasets/a/b", "https://huggingface.co/a/b"),
        ("https://huggingface.co/papers/2303.1", "https://huggingface.co/papers/2303.2"),
        ("https://example.org/x?id=3", "https://example.org/x?id=4"),
        ("https://arxiv.org/abs/2303.01229v1", "https://arxiv.org/abs/2303.01229v2"),
    ],
)
def test_different_pages_keep_different_keys(a: str, b: str) -> None:
    assert duplicates.url_key(a) != duplicates.url_key(b)


@given(st.text(max_size=60), st.sampled_from(["https://", "http://", "", "https://github.com"]))
def test_any_url_text_has_a_key_and_never_raises(text: str, prefix: str) -> None:
    assert isinstance(duplicates.url_key(prefix + text), str)
    duplicates.find_duplicate({"name": "x", "url": prefix + text}, ROWS, LABELS)


def test_an_address_with_an_impossible_port_is_compared_without_crashing() -> None:
    assert duplicates.url_key("https://example.com:99999/x") != duplicates.url_key("https://example.com/x")


def test_stored_rows_report_the_seed_duplicates_as_warnings() -> None:
    found = [(p.row, p.code) for p in duplicates.stored_problems(ROWS, LABELS)]
    assert found == [
        (15, "stored-duplicate-name"),
        (20, "stored-duplicate-url"),
        (26, "stored-duplicate-url"),
    ]


def test_unknown_entries_get_the_closest_names_as_suggestions() -> None:
    assert [r["id"] for r in duplicates.closest("BioGTP", ROWS)][:1] == ["biogpt"]
    assert duplicates.closest("zzzzzzzz", ROWS) == []


@given(st.text(max_size=40))
def test_a_name_is_the_same_model_as_itself_in_any_case_and_width(name: str) -> None:
    import unicodedata

    stored = {"name": name}
    if duplicates.keys(name):
        assert duplicates.same_model(name, stored)
        assert duplicates.same_model(unicodedata.normalize("NFKC", name).upper(), stored)
        assert duplicates.same_model(f"  {name}  ", stored)
