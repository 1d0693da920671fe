"""`python -m bot audit --github` against the fake GitHub: the tracking issue over several weekly runs
(created, edited in place, closed, reopened), the memory it hides, and the job summary."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from github import Github
from github_harness import fast_client
from link_servers import Answer, LinkServer

from bot import actions_env, dataset
from bot.__main__ import build_parser
from bot.audit import command, state, tracking
from bot.layout import Layout

LAYOUT = Layout()
ROOT = Path(__file__).resolve().parents[2]


class Weekly:
    """The audit workflow's job, run in-process: files in a workspace, the Actions environment."""

    def __init__(self, fake: FakeGitHub, links: LinkServer, tmp: Path) -> None:
        self.fake, self.links, self.tmp, self.runs = fake, links, tmp, 0
        self.schema = (ROOT / LAYOUT.schema).read_text(encoding="utf-8")
        fake.catalog.add("stanford-crfm/BioMedLM")
        fake.catalog.add("old-org/Tool", archived=True)
        self.rows = [
            {"id": "biomedlm", "name": "BioMedLM", "url": "https://github.com/stanford-crfm/BioMedLM"},
            {"id": "tool", "name": "Tool @someone #1", "url": "https://github.com/old-org/Tool"},
            {
                "id": "page",
                "name": "Page | one",
                "url": links.url("/ok"),
                "data": f"[paper]({links.url('/missing')})",
            },
        ]

    def run(self, *extra: str) -> tuple[int, list[str]]:
        self.runs += 1
        workspace = self.tmp / f"ws{self.runs}"
        (workspace / LAYOUT.data).parent.mkdir(parents=True)
        (workspace / LAYOUT.schema).parent.mkdir(parents=True)
        (workspace / LAYOUT.schema).write_text(self.schema, encoding="utf-8")
        (workspace / LAYOUT.data).write_text(
            dataset.dump_rows(self.rows, order=("id", "name", "url", "data")), encoding="utf-8"
        )
        event = self.tmp / "event.json"
        event.write_text("{}", encoding="utf-8")
        self.summary = self.tmp / f"summary{self.runs}.md"
        environ = {
            "GITHUB_EVENT_NAME": "schedule",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_REPOSITORY": "octo/leaderboard",
            "GITHUB_API_URL": self.fake.url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_TOKEN": self.fake.token,
            "GITHUB_SHA": "0" * 40,
            "GITHUB_STEP_SUMMARY": str(self.summary),
        }
        args = build_parser().parse_args(["audit", "--github", "--timeout", "5", *extra])
        start = len(self.fake.requests)

        def connect(env: actions_env.Environment) -> Github:
            return fast_client(env)

        code = command.run(args, workspace, environ, connect)
        return code, [f"{r.method} {r.path}" for r in self.fake.requests[start:] if r.method != "GET"]

    def issues(self) -> list[dict[str, object]]:
        return [self.fake.issue(n) for n in sorted(self.fake.state.issues)]

    def issue(self) -> dict[str, object]:
        [issue] = self.issues()
        return issue


@pytest.fixture
def weekly(tmp_path: Path) -> Iterator[Weekly]:
    with FakeGitHub() as fake, LinkServer("127.0.0.8") as links:
        yield Weekly(fake, links, tmp_path)


def body(weekly: Weekly) -> str:
    return str(weekly.issue()["body"])


def test_weekly_runs_keep_one_issue(weekly: Weekly) -> None:
    # Week 1: the archived repository needs attention; the 404 is only a first failure.
    code, writes = weekly.run()
    assert code == 0 and writes == ["POST /repos/octo/leaderboard/issues"]
    issue = weekly.issue()
    assert issue["state"] == "open" and [label["name"] for label in issue["labels"]] == [tracking.LABEL]  # type: ignore[index]
    text = body(weekly)
    assert text.startswith(tracking.MARKER) and "已归档 / archived" in text
    memory = state.parse(text)
    assert memory is not None and memory[weekly.links.url("/missing")].dead == 1
    assert "1/2" in text and "已失效 / dead" not in text
    # Untrusted text from the data cannot mention people, reference issues or break the table.
    assert "@someone" not in text and "#1" not in text and "Page \\| one" in text
    assert "### 🔗 链接检查 / Link health" in weekly.summary.read_text(encoding="utf-8")

    # Week 2: the second 404 in a row makes it dead; the issue is edited in place with a prefilled form.
    code, writes = weekly.run()
    assert writes == ["PATCH /repos/octo/leaderboard/issues/1"]
    text = body(weekly)
    assert "已失效 / dead" in text
    assert "issues/new?template=update-model.yml&entry=page&reason=" in text

    # Week 3: nothing changed, nothing is written.
    assert weekly.run() == (0, [])

    # Week 4: everything recovered: the issue is closed, its memory kept.
    weekly.fake.catalog.archive("old-org/Tool", False)
    weekly.links.routes["/missing"] = lambda m, h: Answer(200)
    code, writes = weekly.run()
    assert writes == ["PATCH /repos/octo/leaderboard/issues/1"]
    issue = weekly.issue()
    assert issue["state"] == "closed" and "✅" in str(issue["body"])
    assert weekly.fake.state.issues[1].state_reason == "completed"

    # Week 5: something breaks again: the same issue is reopened.
    weekly.links.routes["/missing"] = lambda m, h: Answer(404)
    code, writes = weekly.run()
    assert writes == ["PATCH /repos/octo/leaderboard/issues/1"]
    assert weekly.issue()["state"] == "open" and len(weekly.issues()) == 1


def test_finding_the_issue_costs_one_listing(weekly: Weekly) -> None:
    """The tracking issue is told from the others by what the listing shows (author, body, kind): no
    listed issue is read again, however many carry the label."""
    weekly.fake.create_issue("someone's", "about links", [tracking.LABEL], user="mallory")
    weekly.run()
    start = len(weekly.fake.requests)
    weekly.run()
    issues = "/repos/octo/leaderboard/issues"
    sent = [f"{r.method} {r.path}" for r in weekly.fake.requests[start:] if r.path.startswith(issues)]
    assert sent == [f"GET {issues}", f"PATCH {issues}/2"]


def test_a_moved_repository_links_the_prefilled_update_form(weekly: Weekly) -> None:
    weekly.fake.catalog.add("SCIR-HI/Huatuo")
    weekly.fake.catalog.rename("SCIR-HI/Huatuo", "HIT-SCIR/Huatuo")
    weekly.rows.append({"id": "huatuo", "name": "Huatuo", "url": "https://github.com/SCIR-HI/Huatuo"})
    weekly.run()
    text = body(weekly)
    assert (
        "https://github.com/octo/leaderboard/issues/new?template=update-model.yml&entry=huatuo"
        "&url=https%3A%2F%2Fgithub.com%2FHIT-SCIR%2FHuatuo&reason=" in text
    )


def test_a_maintainer_closing_the_issue_is_respected_until_something_new_breaks(weekly: Weekly) -> None:
    weekly.run()
    weekly.fake.set_state(1, "closed")  # seen: the archived repository is known
    weekly.links.routes["/missing"] = lambda m, h: Answer(200)
    assert weekly.run()[1] == ["PATCH /repos/octo/leaderboard/issues/1"]  # body changes, stays closed
    assert weekly.issue()["state"] == "closed"
    weekly.rows.append({"id": "gone", "name": "Gone", "url": "https://github.com/gone/away"})
    weekly.run()
    assert weekly.issue()["state"] == "open"


def test_nothing_to_report_creates_no_issue(weekly: Weekly) -> None:
    weekly.rows = weekly.rows[:1]
    code, writes = weekly.run()
    assert code == 0 and writes == [] and weekly.issues() == []
    assert "✅" in weekly.summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("author", ["mallory", "other-app[bot]"])
def test_an_issue_by_someone_else_is_not_taken_for_the_tracking_issue(weekly: Weekly, author: str) -> None:
    """Only the bot's own login counts (as for its comments): not a person, nor another app's bot account."""
    fake_state = state.dump({weekly.links.url("/missing"): state.Memory("unverified", dead=5)})
    weekly.fake.create_issue("spoof", f"{tracking.MARKER}\n{fake_state}", [tracking.LABEL], user=author)
    weekly.run()
    [spoof, mine] = weekly.issues()
    assert spoof["body"].endswith(fake_state)  # type: ignore[union-attr]
    memory = state.parse(str(mine["body"]))
    assert memory is not None and memory[weekly.links.url("/missing")].dead == 1


def test_json_report_has_one_object_per_url(weekly: Weekly, capsys: pytest.CaptureFixture[str]) -> None:
    weekly.run("--format", "json", "--dead-after", "1")
    items = json.loads(capsys.readouterr().out)
    assert [(i["id"], i["field"], i["state"]) for i in items] == [
        ("biomedlm", "url", "ok"),
        ("tool", "url", "archived"),
        ("page", "url", "ok"),
        ("page", "data", "dead"),
    ]
    assert set(items[0]) == {"id", "field", "url", "state", "code", "detail"}


def test_every_declared_url_column_is_checked_and_its_form_link_prefills_that_field(weekly: Weekly) -> None:
    """A maintainer adds a `paper` address column: its bare URLs are audited like `url`, and a moved one
    links the update form prefilled with the new address in `paper`."""
    schema = json.loads(weekly.schema)
    schema["properties"]["paper"] = {"type": "string", "format": "uri"}
    schema["x-table"]["columns"].append({"header": "论文", "fields": ["paper"], "format": "url"})
    weekly.schema = json.dumps(schema, ensure_ascii=False)
    weekly.rows = [{"id": "p", "name": "P", "paper": weekly.links.url("/moved")}]
    weekly.run()
    text = body(weekly)
    assert "| P (`p`) | `paper` | 已迁移 / moved |" in text
    new = urllib.parse.quote(weekly.links.url("/ok"), safe="")
    assert f"template=update-model.yml&entry=p&paper={new}&reason=" in text


def test_a_moved_link_inside_text_prefills_the_text_with_the_link_pointing_to_its_new_address(
    weekly: Weekly,
) -> None:
    """The update form replaces a whole field, so a link inside `data` is prefilled as the whole text
    with only that link changed; text too long for a link is left for the contributor to edit."""
    old, new = weekly.links.url("/moved"), weekly.links.url("/ok")
    data = f"基于 [论文]({old}) 与 [代码](https://github.com/stanford-crfm/BioMedLM)"
    weekly.rows = [
        {"id": "short", "name": "Short", "data": data},
        {"id": "long", "name": "Long", "data": "长" * 700 + f" [x]({old})"},
    ]
    weekly.run()
    text = body(weekly)
    wanted = urllib.parse.quote(data.replace(old, new), safe="")
    assert f"entry=short&data={wanted}&reason=" in text
    assert "entry=long&reason=" in text  # 700 Chinese characters: a link of over 6,300 characters
