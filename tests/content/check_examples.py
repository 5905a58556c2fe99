"""Check every content example: its code is shown on its page, and it runs under wsgiref.

What each page shows comes from the build's lesson manifest (_deploy/lessons.json of $SITE_DIST, else
dist/; written by src/integrations/lesson-manifest.ts), never from the MDX: the ```python fences
(kind "Fence", src/markdown/python-fences.ts), the code each <LiveEditor> (and <OnionView>) rendered,
and the file each <Predict> names.

Rules held here:
- each content/phases/*/examples/*.py appears verbatim as a ```python fence on that phase's page,
  or is the code of a LiveEditor (an OnionView is one) or the file of a Predict there (the page then
  shows the file itself);
- a ```python fence with no matching file must start with "# needs " (code shown for reading only,
  e.g. it imports Flask), so no runnable example can drift from its file;
- every example serves GET / under wsgiref. One not marked "# pitfall:" runs inside
  wsgiref.validate (the stdlib's PEP 3333 checker) and must draw no server error, no validator
  assertion and no warning; its own deliberate 500 (an error handler) is fine. A pitfall only has
  to be servable: what it breaks is shown, measured, on its page.
- an ASGI example (an `async def app`) is driven in-process instead, and must answer below 500.
"""
import asyncio
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from asgi_driver import call
from wsgiref_harness import load_app, request, serve

PROJECT = Path(__file__).resolve().parents[2]
ROOT = PROJECT / "content" / "phases"
MANIFEST = "_deploy/lessons.json"


def manifest_tags():
    """Every lesson tag of the build ($SITE_DIST, else dist/); exits naming the build command when there is none."""
    path = PROJECT / os.environ.get("SITE_DIST", "dist") / MANIFEST
    if not path.exists():
        sys.exit(f"{path} is missing: run `npm run build` first (stage 10 does), or set SITE_DIST to a build.")
    tags = json.loads(path.read_text())["tags"]
    if not any(t["kind"] == "Fence" for t in tags):
        # Every page's ```python fences are recorded since src/markdown/python-fences.ts; none means a
        # build older than that (or a site with no fence at all: then drop this line).
        sys.exit(f"{path} records no ```python fence (kind Fence): it predates src/markdown/python-fences.ts; run `npm run build`.")
    return tags


def page_of(phase_dir):
    """The built page of a phase folder: 02-an-app-from-scratch -> /phases/an-app-from-scratch/."""
    return "/phases/%s/" % re.sub(r"^\d+-", "", phase_dir.name)


def shown_code(text):
    """A file's text as a tag records it (one final newline dropped, as LiveEditor does)."""
    return text[:-1] if text.endswith("\n") else text


def fences(tags, page):
    """Return the bodies of all ```python fences on one page."""
    return [t["config"]["code"].rstrip("\n") for t in tags if t["page"] == page and t["kind"] == "Fence"]


def live_editors(tags, page, texts):
    """Return the example file names a page shows through a LiveEditor (or OnionView) or a Predict.
    `texts` maps each example file name to its text."""
    codes = {t["config"]["original"] for t in tags if t["page"] == page and t["kind"] == "LiveEditor"}
    files = {name for name, text in texts.items() if shown_code(text) in codes}
    return files | {t["config"]["file"] for t in tags if t["page"] == page and t["kind"] == "Predict"}


def script_editors(tags, page, texts):
    """Return the example file names a page runs as scripts (<LiveEditor ... run="script">)."""
    codes = {t["config"]["original"] for t in tags
             if t["page"] == page and t["kind"] == "LiveEditor" and t["config"].get("run") == "script"}
    return {name for name, text in texts.items() if shown_code(text) in codes}


def server_complained(log, body):
    """True when wsgiref or its validator, not the app itself, reported a problem."""
    return ("wsgiref/handlers.py" in log or "wsgiref/validate.py" in log or "WARNING " in log
            or body.startswith(b"A server error occurred."))


def check_asgi(path, app, pitfall):
    """Drive an ASGI example with GET /; return problems (none allowed unless it is a pitfall)."""
    try:
        status, _, _ = asyncio.run(asyncio.wait_for(call(app), timeout=10))
    except Exception as exc:
        return [] if pitfall else [f"{path}: raised {exc!r}"]
    return [] if pitfall or (status and status < 500) else [f"{path}: answered status {status!r}"]


def check_phase(phase_dir, tags):
    """Return a list of problems found in one phase folder (its page's tags from the manifest)."""
    problems = []
    page = page_of(phase_dir)
    shown = fences(tags, page)
    files = sorted((phase_dir / "examples").glob("*.py"))
    texts = {f.name: f.read_text() for f in files}
    codes = {name: text.rstrip("\n") for name, text in texts.items()}
    live = live_editors(tags, page, texts)
    for name, code in codes.items():
        if code not in shown and name not in live:
            problems.append(f"{phase_dir.name}/examples/{name}: no identical ```python fence on the page")
    for body in shown:
        if body not in codes.values() and not body.startswith("# needs "):
            first = body.splitlines()[0] if body else "(empty)"
            problems.append(f"{phase_dir.name}/index.mdx: fence with no example file, starting {first!r}")
    scripts = script_editors(tags, page, texts)
    for f in files:
        pitfall = codes[f.name].startswith("# pitfall:")
        if f.name in scripts and not re.search(r"^(?:async )?def app\b|^app = ", codes[f.name], re.M):
            # A script with no app (run="script"): it must run to the end, as `python3 name.py` does.
            done = subprocess.run([sys.executable, f.name], cwd=f.parent, capture_output=True, text=True, timeout=30)
            if done.returncode:
                problems.append(f"{f}: exited {done.returncode}: {done.stderr[-300:]!r}")
            continue
        try:
            app = load_app(str(f))
        except Exception as exc:
            problems.append(f"{f}: could not be imported: {exc!r}")
            continue
        if inspect.iscoroutinefunction(app):
            problems += check_asgi(f, app, pitfall)
            continue
        try:
            with serve(app, 0, strict=not pitfall) as log:
                status, _, body, _ = request(log.port, "GET", "/")
        except Exception as exc:  # an example that cannot even be served is always a problem
            problems.append(f"{f}: could not be served: {exc!r}")
            continue
        code = int(status.split()[1]) if len(status.split()) > 1 else 0
        if not code and not pitfall:
            problems.append(f"{f}: no HTTP status came back")
        elif not pitfall and server_complained(log.getvalue(), body):
            problems.append(f"{f}: answered {status!r}; log: {log.getvalue()[-300:]!r}")
    return problems, len(files)


def main():
    """Check every phase; exit 1 and list the problems if any."""
    problems, count = [], 0
    tags = manifest_tags()
    for phase_dir in sorted(p for p in ROOT.iterdir() if (p / "index.mdx").exists()):
        found, n = check_phase(phase_dir, tags)
        problems += found
        count += n
    for p in problems:
        print("FAIL", p)
    print(f"{count} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
