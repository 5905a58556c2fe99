"""Check every content example: its code is shown on its page, and it runs under wsgiref.

Rules held here:
- each content/phases/*/examples/*.py appears verbatim as a ```python fence in that phase's index.mdx,
  or is imported with ?raw into a <LiveEditor code={...}> (or <OnionView code={...}>) there (the page
  then shows the file itself);
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
import re
import subprocess
import sys
from pathlib import Path

from asgi_driver import call
from wsgiref_harness import load_app, request, serve

ROOT = Path(__file__).resolve().parents[2] / "content" / "phases"
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```\s*$", re.S | re.M)
RAW_IMPORT = re.compile(r"^import (\w+) from '\./examples/([\w-]+\.py)\?raw';", re.M)


def fences(mdx_path):
    """Return the bodies of all ```python fences in one page, without their trailing newline."""
    return [body.rstrip("\n") for body in FENCE.findall(mdx_path.read_text())]


def live_editors(mdx_path):
    """Return the example file names a page shows through <LiveEditor code={name}> (or OnionView, Predict)."""
    text = mdx_path.read_text()
    return {f for var, f in RAW_IMPORT.findall(text) if re.search(r"<(?:LiveEditor|OnionView|Predict)\b[^>]*\bcode=\{%s\}" % var, text)}


def script_editors(mdx_path):
    """Return the example file names a page runs as scripts (<LiveEditor ... run="script">)."""
    text = mdx_path.read_text()
    return {f for var, f in RAW_IMPORT.findall(text)
            if re.search(r"<LiveEditor\b[^>]*\bcode=\{%s\}[^>]*\brun=\"script\"" % var, text)}


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


def check_phase(phase_dir):
    """Return a list of problems found in one phase folder."""
    problems = []
    shown = fences(phase_dir / "index.mdx")
    files = sorted((phase_dir / "examples").glob("*.py"))
    codes = {f.name: f.read_text().rstrip("\n") for f in files}
    live = live_editors(phase_dir / "index.mdx")
    for name, code in codes.items():
        if code not in shown and name not in live:
            problems.append(f"{phase_dir.name}/examples/{name}: no identical ```python fence on the page")
    for body in shown:
        if body not in codes.values() and not body.startswith("# needs "):
            first = body.splitlines()[0] if body else "(empty)"
            problems.append(f"{phase_dir.name}/index.mdx: fence with no example file, starting {first!r}")
    scripts = script_editors(phase_dir / "index.mdx")
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
    for phase_dir in sorted(p for p in ROOT.iterdir() if (p / "index.mdx").exists()):
        found, n = check_phase(phase_dir)
        problems += found
        count += n
    for p in problems:
        print("FAIL", p)
    print(f"{count} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
