"""Benchmarks: verified edits of the data file against a bare YAML safe load of the same file.

Run: python benchmarks/datafile.py [--repeat N]. In-process, on the synthetic rows of bench.py
(1,000 and 10,000 rows). The actions are run in turn within each repetition, so drift in the
machine's speed hits them alike; the table shows medians and ratios to `yaml safe load`.

- `yaml safe load`: ruamel.yaml's C safe loader, typed (the README's baseline), and `load_text`,
  the text-only loader the bot used before.
- `load_rows`: the bot's reader (libyaml's composer, rows built from the nodes), memo cleared.
- `append` / `replace` / `remove`: the verified edit from the text alone (its parse included), memo cleared.
- `load_rows + append`, `load_rows + replace`: what the pipeline does (the edit reuses the parse).
- `… verification only`: the proof of an edit alone (the window parse), for a parsed file.
- `full re-parse`: what verifying by loading the whole new text again would cost instead.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import TABLE, synthetic_rows  # noqa: E402

from bot import dataset, yamlio  # noqa: E402
from bot.datafile import edit, parse  # noqa: E402

ORDER = TABLE.field_order
NEW = {
    "name": "Meditron-70B",
    "summary": "基于Llama-2的开源医学大模型",
    "organization": "洛桑联邦理工学院（EPFL）",
    "released": "2023-11",
    "url": "https://github.com/epfLLM/meditron",
    "data": "-基于Llama-2-70B继续预训练 -使用[GAP-Replay](https://github.com/epfLLM/meditron)医学语料",
}


def cold(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        parse.parse.cache_clear()
        return action()

    return run


def warm(text: str, action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        parse.parse(text)  # already memoized: costs a dictionary lookup
        return action()

    return run


def verification_only(text: str) -> Callable[[], object]:
    """The window check of a replace in the middle of the file, on the spliced text."""
    df = parse.parse(text)
    middle = len(df.rows) // 2
    new_text = dataset.replace_row(text, middle, NEW, order=ORDER)
    w0 = edit._dash(df, middle - 1)[0]
    w1 = edit._dash(df, middle + 1)[0] + len(new_text) - len(text)
    expected = [df.rows[middle - 1], NEW]
    column = edit._column(df)
    return lambda: edit._reads_as(new_text[w0:w1], expected, middle, column)


def measure(actions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            gc.collect()  # garbage left by the previous action is not charged to this one
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def actions(text: str) -> dict[str, Callable[[], object]]:
    middle = len(dataset.load_rows(text)) // 2
    appended = dataset.append_row(text, NEW, order=ORDER)
    parse.parse.cache_clear()
    return {
        "yaml safe load (baseline)": lambda: yamlio.load_safe(text),
        "yaml load_text (text-only loader)": lambda: yamlio.load_text(text),
        "load_rows": cold(lambda: dataset.load_rows(text)),
        "verified append": cold(lambda: dataset.append_row(text, NEW, order=ORDER)),
        "verified replace (middle row)": cold(lambda: dataset.replace_row(text, middle, NEW, order=ORDER)),
        "verified remove (middle row)": cold(lambda: dataset.remove_row(text, middle)),
        "load_rows + verified append": cold(
            lambda: (dataset.load_rows(text), dataset.append_row(text, NEW, order=ORDER))
        ),
        "load_rows + verified replace": cold(
            lambda: (dataset.load_rows(text), dataset.replace_row(text, middle, NEW, order=ORDER))
        ),
        "append after load (edit + verification)": warm(
            text, lambda: dataset.append_row(text, NEW, order=ORDER)
        ),
        "replace after load (edit + verification)": warm(
            text, lambda: dataset.replace_row(text, middle, NEW, order=ORDER)
        ),
        "remove after load (edit + verification)": warm(text, lambda: dataset.remove_row(text, middle)),
        "replace verification only (window parse)": verification_only(text),
        "full re-parse of the new text (not done)": lambda: parse.read(appended),
    }


GOALS = {
    "verified append": "≤ 1.3",
    "verified replace (middle row)": "≤ 1.2",
    "verified remove (middle row)": "≤ 1.2",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    repeat = parser.parse_args().repeat
    lines = [
        "| what | rows | median (s) | ratio to yaml safe load | goal |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for count in (1_000, 10_000):
        medians = measure(actions(dataset.dump_rows(synthetic_rows(count), order=ORDER)), repeat)
        base = medians["yaml safe load (baseline)"]
        for name, seconds in medians.items():
            lines.append(
                f"| {name} | {count:,} | {seconds:.4f} | {seconds / base:.3f} | {GOALS.get(name, '')} |"
            )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
