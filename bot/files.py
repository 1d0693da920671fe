"""The filesystem edge: read repository files, write changed ones (only when they differ)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.model import FileChange


class WorkingTree:
    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, path: str) -> str | None:
        file = self.root / path
        if not file.is_file():
            return None
        with open(file, encoding="utf-8", newline="") as f:
            return f.read()  # as stored: the bot writes files back in their own line breaks and BOM

    def write(self, changes: Iterable[FileChange]) -> list[str]:
        """Write the files whose text changed; return their paths. Unchanged files are not touched."""
        written = []
        for change in changes:
            if not change.changed:
                continue
            file = self.root / change.path
            file.parent.mkdir(parents=True, exist_ok=True)
            tmp = file.with_name(f".{file.name}.tmp")
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                f.write(change.new)
            tmp.replace(file)
            written.append(change.path)
        return written
