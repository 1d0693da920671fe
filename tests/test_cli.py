"""The CLI end to end, as a user runs it on a fresh clone: real git, real files, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import NOW, REPO_ROOT, git, read, run_bot

from bot.layout import Layout

LAYOUT = Layout()


def status(repo: Path) -> str:
    return git(repo, "status", "--porcelain")


def test_submit_commits_on_a_new_branch_and_leaves_the_checkout_alone(site_repo: Path) -> None:
    head = git(site_repo, "rev-parse", "HEAD").strip()
    result = run_bot(site_repo, "submit", "examples/new-model.md")
    assert result.code == 0, result.err
    assert "Accepted as row 32" in result.out and "leaderboard/meditron-70b created" in result.out
    assert git(site_repo, "rev-parse", "HEAD").strip() == head
    assert git(site_repo, "branch", "--show-current").strip() == "main"
    assert status(site_repo) == ""
    assert git(site_repo, "rev-parse", "leaderboard/meditron-70b^").strip() == head
    changed = git(site_repo, "diff", "--name-only", "HEAD", "leaderboard/meditron-70b").split()
    assert sorted(changed) == sorted([LAYOUT.data, LAYOUT.post])
    post = git(site_repo, "show", f"leaderboard/meditron-70b:{LAYOUT.post}")
    assert "| Meditron-70B 基于Llama-2的开源医学大模型 |" in post
    assert "Add Meditron-70B to the leaderboard" in git(
        site_repo, "log", "-1", "--format=%s", "leaderboard/meditron-70b"
    )


def test_submit_twice_is_a_no_op_the_second_time(site_repo: Path) -> None:
    run_bot(site_repo, "submit", "examples/new-model.md", "--issue", "7")
    tip = git(site_repo, "rev-parse", "leaderboard/issue-7").strip()
    later = NOW + dt.timedelta(hours=5)  # another lastmod, same submission
    again = run_bot(site_repo, "submit", "examples/new-model.md", "--issue", "7", now=later)
    assert again.code == 0 and "already up to date" in again.out
    assert git(site_repo, "rev-parse", "leaderboard/issue-7").strip() == tip
    assert "Closes #7" in git(site_repo, "log", "-1", "--format=%B", "leaderboard/issue-7")


def test_submit_works_without_a_git_identity(site_repo: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(REPO_ROOT)})
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "submit", "examples/new-model.md"],
        cwd=site_repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (
        git(site_repo, "log", "-1", "--format=%an", "leaderboard/meditron-70b").strip() == "leaderboard-bot"
    )


def test_dry_run_prints_the_diff_and_writes_nothing(site_repo: Path) -> None:
    result = run_bot(site_repo, "submit", "--dry-run", "examples/new-model.md")
    assert result.code == 0
    assert (
        f"+++ b/{LAYOUT.data}" in result.out and "+- id: meditron-70b\n+  name: Meditron-70B\n" in result.out
    )
    assert status(site_repo) == "" and "leaderboard/" not in git(site_repo, "branch")


def test_write_edits_the_working_tree_only(site_repo: Path) -> None:
    result = run_bot(site_repo, "submit", "--write", "examples/new-model.md")
    assert result.code == 0
    assert sorted(status(site_repo).split()) == sorted(["M", LAYOUT.data, "M", LAYOUT.post])
    assert "leaderboard/" not in git(site_repo, "branch")
    assert run_bot(site_repo, "check").code == 0


def test_rejected_submission_exits_1_with_every_problem_and_changes_nothing(site_repo: Path) -> None:
    result = run_bot(site_repo, "submit", "examples/invalid.md")
    assert result.code == 1
    for label in (
        "模型名称 / Model name",
        "简介 / Summary",
        "发布时间 / Release date",
        "开源地址 / Repository or homepage URL",
        "所用数据 / Training data and method",
    ):
        assert label in result.out
    assert "Traceback" not in result.out + result.err
    assert status(site_repo) == "" and "leaderboard/" not in git(site_repo, "branch")


def test_usage_and_setup_errors_exit_2_without_a_traceback(site_repo: Path, tmp_path: Path) -> None:
    assert run_bot(site_repo, "submit").code == 2
    missing = run_bot(site_repo, "submit", "nope.md")
    assert missing.code == 2 and "nope.md" in missing.err and "Traceback" not in missing.err
    (site_repo / LAYOUT.data).write_text("- name: [\n", encoding="utf-8")
    broken = run_bot(site_repo, "submit", "--write", "examples/new-model.md")
    assert broken.code == 2 and "not valid YAML" in broken.err and "Traceback" not in broken.err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_bot(empty, "check").code == 2


def test_submit_reads_stdin(site_repo: Path) -> None:
    body = read(site_repo, "examples/new-model.md")
    assert run_bot(site_repo, "submit", "--dry-run", "-", stdin=body).code == 0


def test_parse_issue_prints_json(site_repo: Path) -> None:
    result = run_bot(site_repo, "parse-issue", "examples/new-model.md")
    assert json.loads(result.out)["url"] == "https://github.com/epfLLM/meditron"


def test_check_render_and_render_check(site_repo: Path) -> None:
    assert run_bot(site_repo, "check").code == 0
    assert run_bot(site_repo, "render", "--check").code == 0
    with open(site_repo / LAYOUT.data, "a", encoding="utf-8") as f:
        f.write("- id: hand-added\n  name: Hand-added\n")
    assert run_bot(site_repo, "check").code == 1
    assert run_bot(site_repo, "render", "--check").code == 1
    assert run_bot(site_repo, "render").code == 0
    assert "| Hand-added |" in read(site_repo, LAYOUT.post)
    assert run_bot(site_repo, "check").code == 0
    before = read(site_repo, LAYOUT.post)
    assert "up to date" in run_bot(site_repo, "render").out
    assert read(site_repo, LAYOUT.post) == before


def test_post_publish_and_draft_touch_only_draft(site_repo: Path) -> None:
    before = read(site_repo, LAYOUT.post)
    assert run_bot(site_repo, "post", "publish").code == 0
    assert read(site_repo, LAYOUT.post) == before.replace("draft = true", "draft = false", 1)
    assert run_bot(site_repo, "post", "draft").code == 0
    assert read(site_repo, LAYOUT.post) == before


def test_import_refuses_to_overwrite_then_reproduces_the_committed_files(site_repo: Path) -> None:
    seed = Path(__file__).parent / "fixtures" / "seed-post.md"
    assert run_bot(site_repo, "import", str(seed)).code == 2
    assert run_bot(site_repo, "import", "--force", str(seed)).code == 0
    assert status(site_repo) == ""


def test_pygithub_and_httpx_are_imported_only_on_their_paths(site_repo: Path) -> None:
    code = (
        "import sys; from bot.__main__ import main\n"
        "for args in (['check'], ['render', '--check'], ['submit', '--dry-run', 'examples/new-model.md']):\n"
        "    main(args)\n"
        "assert not [m for m in sys.modules if m == 'github' or m.startswith('github.')], 'PyGithub imported'\n"
        "assert 'httpx' not in sys.modules, 'httpx imported: check must stay offline'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=site_repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert proc.returncode == 0, proc.stderr


def test_chinese_names_get_distinct_branches(site_repo: Path) -> None:
    body = read(site_repo, "examples/new-model.md")
    for name in ("灵心大模型", "明医"):
        (site_repo / "b.md").write_text(
            body.replace("Meditron-70B", name).replace("epfLLM/meditron", f"x/{len(name)}"), encoding="utf-8"
        )
        assert run_bot(site_repo, "submit", "b.md").code == 0
    branches = [b.strip(" *") for b in git(site_repo, "branch", "--list", "leaderboard/*").splitlines()]
    assert sorted(branches) == ["leaderboard/ling-xin-da-mo-xing", "leaderboard/ming-yi"]


def test_a_crlf_checkout_works_like_lf(site_repo: Path) -> None:
    for path in (LAYOUT.post, LAYOUT.data):
        (site_repo / path).write_bytes(read(site_repo, path).replace("\n", "\r\n").encode())
    assert run_bot(site_repo, "check").code == 0
    assert run_bot(site_repo, "submit", "--write", "--dry-run", "examples/new-model.md").code == 0


def test_write_keeps_a_bom_and_crlf_in_the_working_tree(site_repo: Path) -> None:
    for path in (LAYOUT.post, LAYOUT.data):
        (site_repo / path).write_bytes(b"\xef\xbb\xbf" + read(site_repo, path).replace("\n", "\r\n").encode())
    old = (site_repo / LAYOUT.data).read_bytes()
    assert run_bot(site_repo, "submit", "--write", "examples/new-model.md").code == 0
    for path in (LAYOUT.post, LAYOUT.data):
        raw = (site_repo / path).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    assert (site_repo / LAYOUT.data).read_bytes().startswith(old)
    assert "lastmod = 2026-11-25T16:00:00+08:00\r\n" in (site_repo / LAYOUT.post).read_bytes().decode()


def test_reimporting_a_generated_post_is_refused(site_repo: Path) -> None:
    result = run_bot(site_repo, "import", "--force", LAYOUT.post)
    assert result.code == 2 and "already has a generated table" in result.err
    assert status(site_repo) == ""


def test_bad_branch_names_and_issue_numbers_are_usage_errors(site_repo: Path) -> None:
    assert run_bot(site_repo, "submit", "examples/new-model.md", "--branch", "HEAD").code == 2
    assert run_bot(site_repo, "submit", "examples/new-model.md", "--issue", "-3").code == 2
    assert run_bot(site_repo, "submit", "examples/new-model.md", "--issue", "0").code == 2
    assert "leaderboard/" not in git(site_repo, "branch") and "HEAD" not in git(site_repo, "branch")


def test_post_publish_on_a_crlf_checkout(site_repo: Path) -> None:
    (site_repo / LAYOUT.post).write_bytes(read(site_repo, LAYOUT.post).replace("\n", "\r\n").encode())
    assert run_bot(site_repo, "post", "publish").code == 0
    assert "draft = false" in read(site_repo, LAYOUT.post)


def test_submit_recognises_the_update_form_and_commits_on_its_own_branch(site_repo: Path) -> None:
    result = run_bot(site_repo, "submit", "examples/update-model.md")
    assert result.code == 0, result.err
    assert "已通过：更新第 3 条" in result.out and "Accepted: update of row 3" in result.out
    assert "所在机构 / Organization: “微软” → “微软研究院”" in result.out
    data = git(site_repo, "show", f"leaderboard/update-biogpt:{LAYOUT.data}")
    assert "organization: 微软研究院" in data and data.count("- id: ") == 31
    assert git(site_repo, "log", "-1", "--format=%s", "leaderboard/update-biogpt").strip() == (
        "Update BioGPT on the leaderboard"
    )
    removed = run_bot(site_repo, "submit", "examples/remove-model.md")
    assert removed.code == 0 and "removal of row 15" in removed.out
    data = git(site_repo, "show", f"leaderboard/remove-openbiomed-2:{LAYOUT.data}")
    assert "openbiomed-2" not in data and data.count("- id: ") == 30


def test_an_update_of_an_unknown_entry_is_rejected_with_suggestions(site_repo: Path) -> None:
    body = read(site_repo, "examples/update-model.md").replace("\nbiogpt\n", "\nBioGTP\n")
    result = run_bot(site_repo, "submit", "-", stdin=body)
    assert result.code == 1 and "“BioGTP” 不是榜单上的条目" in result.out and "`biogpt`" in result.out


def problem_blocks(output: str) -> list[list[str]]:
    """The problems of report.problems_text: a "  错误 error: …" or "  提醒 warning: …" line, then its text."""
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if line.startswith(("  错误 error", "  提醒 warning")):
            blocks.append([line])
        elif blocks and line.startswith("      "):
            blocks[-1].append(line)
    return blocks


def test_render_refuses_what_check_rejects_with_the_same_messages(site_repo: Path) -> None:
    before = read(site_repo, LAYOUT.post)
    for bad in ("- name: Foo\n  organisation: 某医院\n", "- summary: 没有名字\n"):
        (site_repo / LAYOUT.data).write_text(read(site_repo, LAYOUT.data) + bad, encoding="utf-8")
        checked = run_bot(site_repo, "check")
        rendered = run_bot(site_repo, "render")
        assert checked.code == 1 and rendered.code == 1
        blocks = [block for block in problem_blocks(checked.out) if "error" in block[0]]
        blocks = [block for block in blocks if "out of date" not in "".join(block)]
        assert blocks and all("\n".join(block) in rendered.out for block in blocks)
        assert len(problem_blocks(rendered.out)) == len(blocks)
        assert "Not rendering" in rendered.out and read(site_repo, LAYOUT.post) == before
        git(site_repo, "checkout", "--", LAYOUT.data)


def test_a_body_saved_with_a_bom_is_read_like_one_without(site_repo: Path) -> None:
    body = read(site_repo, "examples/new-model.md")
    (site_repo / "bom.md").write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode())
    from_file = run_bot(site_repo, "submit", "--dry-run", "bom.md")
    assert from_file.code == 0, from_file.out
    assert "+  name: Meditron-70B" in from_file.out and "\ufeff" not in from_file.out
    from_stdin = run_bot(site_repo, "submit", "--dry-run", "-", stdin="\ufeff" + body)
    assert from_stdin.code == 0 and from_stdin.out == from_file.out
    assert json.loads(run_bot(site_repo, "parse-issue", "bom.md").out)["name"] == "Meditron-70B"


def test_dry_run_previews_exactly_what_the_default_mode_commits(site_repo: Path) -> None:
    with open(site_repo / LAYOUT.data, "a", encoding="utf-8") as f:
        f.write("- name: Uncommitted\n")  # in the working tree only
    preview = run_bot(site_repo, "submit", "--dry-run", "examples/new-model.md")
    assert preview.code == 0
    assert "Reading the files at HEAD" in preview.out
    assert f"note: {LAYOUT.data} has uncommitted changes; they are not included" in preview.out
    assert "Uncommitted" not in preview.out
    committed = run_bot(site_repo, "submit", "examples/new-model.md")
    assert committed.code == 0 and "Reading the files at HEAD" in committed.out
    patch = git(site_repo, "diff", "HEAD", "leaderboard/meditron-70b")
    added = sorted(line for line in patch.splitlines() if line.startswith("+") and not line.startswith("+++"))
    shown = sorted(
        line for line in preview.out.splitlines() if line.startswith("+") and not line.startswith("+++")
    )
    assert added == shown and added
    in_tree = run_bot(site_repo, "submit", "--write", "--dry-run", "examples/new-model.md")
    assert "Reading the working tree" in in_tree.out and "Uncommitted" in in_tree.out
    assert status(site_repo) == f" M {LAYOUT.data}\n"


def test_default_submit_outside_git_says_to_use_write(tmp_path: Path) -> None:
    repo = tmp_path / "plain"
    for path in LAYOUT.paths():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text((REPO_ROOT / path).read_text(encoding="utf-8"), encoding="utf-8")
    example = str(REPO_ROOT / "examples/new-model.md")
    result = run_bot(repo, "submit", example)
    assert result.code == 2 and "is not a git repository; use --write" in result.err
    assert "不是 git 仓库" in result.err and "Traceback" not in result.err
    assert run_bot(repo, "submit", "--write", example).code == 0


def test_outside_a_leaderboard_repository_the_commands_say_so(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q")
    (other / "README.md").write_text("unrelated\n", encoding="utf-8")
    for args in (("check",), ("render",), ("post", "publish"), ("submit", "x.md")):
        result = run_bot(other, *args)
        assert result.code == 2, args
        assert "is not a leaderboard repository" in result.err and "不是榜单仓库" in result.err, args
        assert "--repo" in result.err and "missing" not in result.err and "Traceback" not in result.err


def test_help_is_written_for_users(site_repo: Path) -> None:
    result = run_bot(site_repo, "--help")
    assert result.code == 0
    assert "Reads the clock" not in result.out and "the core gets" not in result.out
    for text in ("examples", "submit", "check", "render", "post publish", "exit status", "--repo"):
        assert text in result.out, text
    submit_help = run_bot(site_repo, "submit", "--help").out
    assert "HEAD" in submit_help and "--write reads and edits the working tree" in submit_help


def test_a_reader_that_goes_away_ends_the_command_quietly(site_repo: Path) -> None:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    for env in ({**base, "PYTHONUNBUFFERED": "1"}, base):  # the error comes at the print, or at the flush
        for args in (("check",), ("submit", "--dry-run", "examples/new-model.md"), ("--help",)):
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", *args],
                cwd=site_repo,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**env, "PYTHONPATH": str(REPO_ROOT)},
            )
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()  # the reader is gone before the first line
            err = proc.stderr.read().decode()
            code = proc.wait(timeout=60)
            assert err == "", (args, err)
            # 141 = 128 + SIGPIPE, as a shell reports `git log | head -1`; argparse itself ignores
            # write errors of --help, and exits 0 when the write fails at once (unbuffered).
            assert code == 141 or (args == ("--help",) and code == 0), (args, code)
    shell = subprocess.run(
        f"{sys.executable} -m bot check | head -1",
        shell=True,
        cwd=site_repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert shell.returncode == 0 and shell.stderr == "" and len(shell.stdout.splitlines()) == 1


def test_the_setup_guide_recipe_for_an_existing_hugo_site_works(tmp_path: Path) -> None:
    """docs/github-setup.md, section 8: copy the listed files, add a post with the two markers."""
    site = tmp_path / "blog"
    for path in (LAYOUT.form, LAYOUT.update_form, LAYOUT.schema):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text((REPO_ROOT / path).read_text(encoding="utf-8"), encoding="utf-8")
    (site / LAYOUT.data).parent.mkdir(parents=True)
    (site / LAYOUT.data).write_text("[]\n", encoding="utf-8")
    post = "---\ntitle: 榜单\ndraft: true\n---\n\n前言\n\n<!-- leaderboard:start -->\n<!-- leaderboard:end -->\n\n后记\n"
    (site / LAYOUT.post).write_text(post, encoding="utf-8")
    assert run_bot(site, "render").code == 0
    assert run_bot(site, "check").code == 0
    example = str(REPO_ROOT / "examples/new-model.md")
    assert run_bot(site, "submit", "--write", example).code == 0
    text = read(site, LAYOUT.post)
    assert "前言" in text and "后记" in text and "| Meditron-70B 基于Llama-2的开源医学大模型 |" in text
    assert run_bot(site, "post", "publish").code == 0 and "draft: false" in read(site, LAYOUT.post)


def test_check_accepts_a_date_stored_by_hand_in_a_spelling_it_lists_as_valid(site_repo: Path) -> None:
    with open(site_repo / LAYOUT.data, "a", encoding="utf-8") as f:
        f.write("- id: hand-added\n  name: Hand-added\n  released: 2023年2月1日\n  added: '2026-11-20'\n")
    assert run_bot(site_repo, "render").code == 0
    checked = run_bot(site_repo, "check")
    assert checked.code == 0, checked.out
    assert "write 2023-02-01" in checked.out and "提醒 warning" in checked.out
    assert "| Hand-added | | 2023年2月1日 |" in read(site_repo, LAYOUT.post).replace("  ", " ")


def test_yaml_errors_name_the_file(site_repo: Path) -> None:
    (site_repo / LAYOUT.data).write_text("- name: [\n", encoding="utf-8")
    broken = run_bot(site_repo, "check")
    assert broken.code == 2 and "<unicode string>" not in broken.err
    assert "models.yaml is not valid YAML (line 2, column 1" in broken.err
    git(site_repo, "checkout", "--", LAYOUT.data)
    (site_repo / LAYOUT.form).write_text("body: [\n", encoding="utf-8")
    broken = run_bot(site_repo, "check")
    assert broken.code == 2 and "<unicode string>" not in broken.err and LAYOUT.form in broken.err


# --- review round ---------------------------------------------------------------------------------


def test_check_gives_machines_the_codes_as_json(site_repo: Path) -> None:
    result = run_bot(site_repo, "check", "--format", "json")
    assert result.code == 0, result.err
    verdict = json.loads(result.out)
    assert (verdict["ok"], verdict["rows"], verdict["errors"]) == (True, 31, 0)
    assert verdict["warnings"] == len(verdict["problems"]) > 0
    first = verdict["problems"][0]
    assert set(first) == {"code", "severity", "field", "label", "row", "values", "zh", "en"}
    with open(site_repo / LAYOUT.data, "a", encoding="utf-8") as f:
        f.write("- id: hand-added\n  name: Hand-added\n  organisation: 某医院\n  added: '2026-11-20'\n")
    failed = run_bot(site_repo, "check", "--format", "json")
    verdict = json.loads(failed.out)
    assert failed.code == 1 and verdict["ok"] is False and verdict["errors"] == 2
    unknown = next(p for p in verdict["problems"] if p["code"] == "unknown-fields")
    assert (unknown["severity"], unknown["row"], unknown["values"]["fields"]) == ("error", 32, "organisation")
    assert "未知字段" in unknown["zh"] and "unknown field" in unknown["en"]
    assert {p["code"] for p in verdict["problems"] if p["severity"] == "error"} == {
        "unknown-fields",
        "post-stale",
    }
    (site_repo / LAYOUT.data).write_text("- name: [\n", encoding="utf-8")
    broken = run_bot(site_repo, "check", "--format", "json")
    verdict = json.loads(broken.out)
    assert broken.code == 2 and verdict["ok"] is False and verdict["error"]["code"] == "data-not-yaml"
    assert verdict["error"]["values"]["line"] == 2 and "不是有效的 YAML" in verdict["error"]["zh"]


def test_every_command_prints_its_results_in_both_languages(site_repo: Path) -> None:
    checked = run_bot(site_repo, "check")
    assert "通过：共 31 条，0 个错误" in checked.out and "ok: 31 rows, 0 errors" in checked.out
    assert "第 20 条 / row 20" in checked.out  # a stored row is an entry (条), not a line of the file
    rendered = run_bot(site_repo, "render")
    assert "已是最新" in rendered.out and "is up to date" in rendered.out
    published = run_bot(site_repo, "post", "publish")
    assert "：已发布" in published.out and ": published" in published.out
    again = run_bot(site_repo, "post", "publish")
    assert "没有变化" in again.out and "(no change)" in again.out
    submitted = run_bot(site_repo, "submit", "examples/new-model.md")
    assert "查看 review: git log -p HEAD..leaderboard/meditron-70b" in submitted.out
    failed = run_bot(site_repo, "submit", "nope.md")
    assert failed.err.startswith("错误 error: ") and "nope.md" in failed.err


def test_every_help_line_is_in_both_languages(site_repo: Path) -> None:
    import re

    commands = ["submit", "parse-issue", "render", "check", "import", "post", "audit", "action", "refresh"]
    for args in ([], *([c] for c in commands)):
        result = run_bot(site_repo, *args, "--help")
        assert result.code == 0 and result.err == "", (args, result.err)
        options = result.out.split("options:")[1].split("\n\n")[0]
        for line in re.findall(r"^  (-\S.*)$", options, re.M):
            assert "/" in line and re.search(r"[\u4e00-\u9fff]", line), (args, line)
        assert "show this help message" not in result.out
    bad = run_bot(site_repo, "submit", "--issue", "x", "a.md")
    assert bad.code == 2 and "不是 issue 编号" in bad.err and "is not an issue number" in bad.err


def test_import_without_a_schema_or_with_a_nameless_row_is_a_message_not_a_traceback(
    site_repo: Path, tmp_path: Path
) -> None:
    seed = Path(__file__).parent / "fixtures" / "seed-post.md"
    bare = tmp_path / "bare"
    bare.mkdir()
    result = run_bot(bare, "import", str(seed))
    assert result.code == 2 and "Traceback" not in result.err
    assert "schemas/model.schema.json" in result.err and "缺少" in result.err and "missing" in result.err
    nameless = tmp_path / "nameless.md"
    text = seed.read_text(encoding="utf-8")
    nameless.write_text(
        text.replace("| Med-Flamingo 一种适用于医学领域的多模态少样本学习器          |", "|  |", 1), "utf-8"
    )
    result = run_bot(site_repo, "import", "--force", str(nameless))
    assert result.code == 0 and "Traceback" not in result.err, result.err
    checked = run_bot(site_repo, "check")
    assert checked.code == 1 and "第 1 条 / row 1 · 模型名称 / Model name" in checked.out


def test_a_body_that_cannot_be_read_is_explained_in_both_languages(site_repo: Path, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes(read(site_repo, "examples/new-model.md").encode("gb18030"))
    for args, zh, en in (
        (("submit", "nope.md"), "找不到文件 nope.md", "nope.md does not exist"),
        (("submit", str(tmp_path)), "是目录", "is a directory"),
        (("submit", str(gbk)), "不是 UTF-8 编码的文本（第 1 行）", "is not UTF-8 text (line 1)"),
        (("parse-issue", "examples/new-model.md", "--form", "nope.yml"), "找不到文件", "does not exist"),
        (("import", "--force", "nope.md"), "找不到文件", "does not exist"),
    ):
        result = run_bot(site_repo, *args)
        assert result.code == 2 and zh in result.err and en in result.err, (args, result.err)
        assert "Errno" not in result.err and "codec" not in result.err


def test_a_body_saved_as_utf16_by_notepad_is_read(site_repo: Path, tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes(read(site_repo, "examples/new-model.md").encode("utf-16"))  # with its BOM
    result = run_bot(site_repo, "submit", "--dry-run", str(utf16))
    assert result.code == 0 and "meditron-70b" in result.out
