"""Extract from GitHub's REST API description the operations the fake GitHub serves.

    npm ci --prefix tests/fake_github/description          # @octokit/openapi, pinned in package-lock.json
    python tests/fake_github/description/extract.py          # rewrite api.github.com.subset.json
    python tests/fake_github/description/extract.py --check  # exit 1 if the committed file differs

The full description (api.github.com.json in @octokit/openapi) is 13 MB, the npm package 29 MB packed and
385 MB unpacked; the subset holds only the operations of the fake's routes (tests/fake_github/routes/) and
the components they reference, without examples, so that `pytest` on a fresh clone needs no npm. Adding a
route to the fake means running this script again; a route that is not a documented operation fails here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"
SUBSET = HERE / "api.github.com.subset.json"
DROPPED = {"examples", "example", "x-github", "externalDocs"}


def spec_path(template: str) -> str:
    """A route template in the fake's notation (``{ref+}``, ``{path*}``) as the description writes it."""
    return re.sub(r"\{(\w+)[+*]\}", r"{\1}", template)


def routes() -> list[tuple[str, str]]:
    """The fake's routes, except the few GitHub serves without documenting them (conformance.UNDOCUMENTED)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from fake_github.conformance import UNDOCUMENTED
    from fake_github.routes import MODULES

    served = {(r.method, r.template) for m in MODULES for r in m.routes.routes} - UNDOCUMENTED
    return sorted({(method.lower(), spec_path(template)) for method, template in served})


def strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        for value in node.values():
            found |= refs(value)
        return found
    if isinstance(node, list):
        return set().union(*(refs(v) for v in node)) if node else set()
    return set()


def extract(full: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    missing = []
    for method, path in routes():
        item = full["paths"].get(path, {})
        if method not in item:
            missing.append(f"{method.upper()} {path}")
            continue
        entry = paths.setdefault(path, {})
        if "parameters" in item:
            entry["parameters"] = strip(item["parameters"])
        entry[method] = strip(item[method])
    if missing:
        raise SystemExit("the fake serves undocumented operations:\n  " + "\n  ".join(missing))
    components: dict[str, dict[str, Any]] = {}
    todo = refs(paths)
    done: set[str] = set()
    while todo:
        ref = todo.pop()
        done.add(ref)
        kind, name = ref.removeprefix("#/components/").split("/", 1)
        value = strip(full["components"][kind][name])
        components.setdefault(kind, {})[name] = value
        todo |= refs(value) - done
    return {
        "openapi": full["openapi"],
        "info": {
            "title": full["info"]["title"],
            "version": full["info"]["version"],
            "x-extracted-by": "tests/fake_github/description/extract.py from @octokit/openapi",
        },
        "paths": dict(sorted(paths.items())),
        "components": {kind: dict(sorted(v.items())) for kind, v in sorted(components.items())},
    }


def render(subset: dict[str, Any]) -> str:
    return json.dumps(subset, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed subset instead")
    args = parser.parse_args()
    if not SOURCE.exists():
        raise SystemExit(f"{SOURCE} is missing: run `npm ci --prefix {HERE.relative_to(Path.cwd())}` first")
    text = render(extract(json.loads(SOURCE.read_text(encoding="utf-8"))))
    if args.check:
        if SUBSET.read_text(encoding="utf-8") != text:
            print(
                f"{SUBSET.name} is not what extract.py makes from the pinned description; run it",
                file=sys.stderr,
            )
            return 1
        print(f"{SUBSET.name} matches the pinned description")
        return 0
    SUBSET.write_text(text, encoding="utf-8")
    print(f"wrote {SUBSET.name}: {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
