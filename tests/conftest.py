"""Shared fixtures: the repository's own files, a throwaway git clone of them, a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from fake_github import FakeGitHub
    from github_harness import Harness

# Locally, hypothesis explores new inputs on every run; in CI (CI=true) the examples are derived from
# each test's name, so a red CI run is reproducible and a landing is never blocked by a coin toss.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO_ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 11, 25, 8, 0, 0, tzinfo=dt.UTC)
PROJECT_FILES = (".github", "schemas", "content", "examples", "hugo.toml", "layouts")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Maintainer",
    "GIT_AUTHOR_EMAIL": "maintainer@example.org",
    "GIT_COMMITTER_NAME": "Maintainer",
    "GIT_COMMITTER_EMAIL": "maintainer@example.org",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    ).stdout


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_bot(cwd: Path, *args: str, stdin: str | None = None, now: dt.datetime = NOW) -> Result:
    """The real CLI in a subprocess, as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--now", now.isoformat(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    """A fresh git repository holding this project's form, schema, post and examples, one commit."""
    repo = tmp_path / "site"
    repo.mkdir()
    for name in PROJECT_FILES:
        src = REPO_ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name)
        else:
            shutil.copy2(src, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    return repo


def read(repo: Path, path: str) -> str:
    return (repo / path).read_text(encoding="utf-8")


@pytest.fixture
def gh(tmp_path: Path) -> Iterator[Harness]:
    """The fake GitHub with this project's files on `main`, driven as the Actions runner would; every
    request the bot sent is checked against GitHub's API description when the test ends."""
    from fake_github import FakeGitHub
    from github_harness import Harness

    with FakeGitHub() as fake:
        harness = Harness(fake, tmp_path)
        yield harness
        harness.assert_conforming()


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    """A bare fake GitHub: one commit on `main` and one `new-model` issue."""
    from fake_github import FakeGitHub

    with FakeGitHub() as server:
        server.commit_files("main", {"README.md": "hi\n"}, "init")
        server.create_issue("x", "body", ["new-model"])
        yield server
