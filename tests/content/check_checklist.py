"""Hold content/curriculum-checklist.yaml to the pages: every curriculum item has a place.

Each entry names a phase, a curriculum item (a number, or a pitfall / misconception / live label),
the heading that covers it (exact text, and the anchor a GitHub-style slugger derives from it),
and optionally an example file, a quiz question id or an exercise folder. This script fails when
any of those does not exist, or when a numbered curriculum item has no entry.
"""
import re
import sys
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"
# How many numbered ideas each phase has in the curriculum (the content contract, kept outside the repo).
ITEMS_PER_PHASE = {1: 9, 2: 8, 3: 8, 4: 6}


def slug(heading):
    """GitHub-style anchor: lower case, punctuation dropped (underscores kept), spaces to dashes."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in "_- ")
    return kept.replace(" ", "-")


def headings(mdx_text):
    """Headings of a page, outside code fences."""
    found, in_fence = [], False
    for line in mdx_text.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and re.match(r"#{2,6} ", line):
            found.append(line.split(" ", 1)[1].strip())
    return found


def main():
    """Check every checklist entry; exit 1 listing the gaps."""
    entries = yaml.safe_load((CONTENT / "curriculum-checklist.yaml").read_text())["items"]
    phases = {int(p.name[:2]): p for p in (CONTENT / "phases").iterdir() if p.is_dir()}
    problems = []
    for e in entries:
        folder = phases[e["phase"]]
        heads = headings((folder / "index.mdx").read_text())
        where = f"phase {e['phase']} item {e['item']!r}"
        if e["heading"] not in heads:
            problems.append(f"{where}: no heading {e['heading']!r}")
        if e["anchor"] != slug(e["heading"]):
            problems.append(f"{where}: anchor {e['anchor']!r} should be {slug(e['heading'])!r}")
        if "example" in e and not (folder / "examples" / e["example"]).exists():
            problems.append(f"{where}: no example {e['example']}")
        if "exercise" in e and not (folder / "exercises" / e["exercise"] / "checks.yaml").exists():
            problems.append(f"{where}: no exercise {e['exercise']}")
        if "quiz" in e:
            ids = {q["id"] for q in yaml.safe_load((folder / "quiz.yaml").read_text())["questions"]}
            if e["quiz"] not in ids:
                problems.append(f"{where}: no quiz question {e['quiz']}")
    for phase, count in ITEMS_PER_PHASE.items():
        covered = {e["item"] for e in entries if e["phase"] == phase}
        problems += [f"phase {phase} item {n}: not in the checklist" for n in range(1, count + 1) if n not in covered]
    for p in problems:
        print("FAIL", p)
    print(f"{len(entries)} checklist entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
