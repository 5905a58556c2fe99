"""Run every exercise's checks: the solution must pass all of them, the starter must fail one.

An exercise is content/phases/NN-slug/exercises/NAME/ with starter.py, solution.py and
checks.yaml. A WSGI check is one request and its expectations, answered by wsgiref on
loopback (a check with `server: wsgiref` asks for exactly that; `server: gunicorn` or `waitress`
runs that real server as a process, as the page's personality imitates it); with `no_violations: true`
the app runs inside wsgiref.validate (PEP 3333 checks). A check with a `probe` calls the code directly.
ASGI exercises (`kind: asgi`) are driven in-process by asgi_driver.py.
"""
import sys
from pathlib import Path

import yaml

from asgi_driver import run_asgi_check
from check_examples import server_complained
from real_servers import running
from wsgiref_harness import load_app, request, serve

ROOT = Path(__file__).resolve().parents[2] / "content" / "phases"
sys.path.insert(0, str(ROOT.parents[1] / "src" / "runtime" / "python"))
from exercise_probes import run_probe  # noqa: E402  (the module the page's worker runs)
from exercise_checks import answer, evaluate as judge  # noqa: E402  (the page's own judge of a check)


def complaint(log):
    """The most telling line of a server log: the exception or warning, not the access line."""
    lines = [l for l in log.strip().splitlines() if not l.startswith("ACCESS ")]
    errors = [l for l in lines if "Error" in l or l.startswith("WARNING")]
    return (errors or lines or ["the server answered with its own error page"])[-1]


def evaluate(expect, status_line, headers, body, log, method="GET"):
    """Judge one real server's response by the page's own rules (src/runtime/python/exercise_checks.py);
    the failures as lines of words. With `no_violations`, what the server logged is the broken rule."""
    parts = status_line.split(" ", 1)
    status = parts[1] if len(parts) > 1 else None
    problems = []
    if expect.get("no_violations") and server_complained(log, body):
        problems.append("PEP 3333 violation reported: " + complaint(log))
    length = dict((name.lower(), value) for name, value in headers).get("content-length")
    bodiless = method == "HEAD" or (status or "").startswith(("1", "204", "304"))  # a length without the bytes
    if expect.get("no_violations") and not bodiless and length is not None and length.isdigit() and int(length) != len(body):
        # wsgiref sends what it was given; the client sees the lie (the page's core names it content_length_short).
        problems.append(f"Content-Length says {length} but the body has {len(body)} bytes")
    found = answer(status, headers, body.decode("utf-8", "replace"), problems)
    return [f"{f['what']}: expected {f['expected']}, got {f['actual']}" for f in judge(expect, found)]


def run_real_server_check(path, check):
    """A check that names gunicorn or waitress runs under that real server (a process on loopback)."""
    req = check["request"]
    try:
        with running(check["server"], path) as (port, log):
            status, headers, body, _ = request(port, req.get("method", "GET"), req.get("path", "/"),
                                               req.get("headers"), req.get("body", ""))
    except Exception as exc:
        return [f"could not run under {check['server']}: {exc!r}"]
    expect = {k: v for k, v in check["expect"].items() if k != "no_violations"}
    failures = evaluate(expect, status, headers, body, "")
    if check["expect"].get("no_violations") and "Traceback" in log.text():
        failures.append(f"{check['server']} logged an error: " + complaint(log.text()))
    return failures


def run_wsgi_check(path, check):
    """Serve the file, send the check's request, return failure messages."""
    if check.get("server", "wsgiref") not in ("wsgiref", "reference"):
        return run_real_server_check(path, check)
    req = check["request"]
    strict = bool(check["expect"].get("no_violations"))
    try:
        with serve(load_app(str(path)), 0, strict=strict) as log:
            status, headers, body, _ = request(log.port, req.get("method", "GET"), req.get("path", "/"),
                                               req.get("headers"), req.get("body", ""))
    except Exception as exc:
        return [f"could not run: {exc!r}"]
    return evaluate(check["expect"], status, headers, body, log.getvalue(), req.get("method", "GET"))


def run_probe_check(path, check):
    """A check with a `probe` calls the reader's code itself (src/runtime/python/exercise_probes.py)."""
    answer = run_probe(str(path), check["probe"], check["request"])
    status = f"HTTP/1.1 {answer['status']}" if answer["status"] else ""
    expect = {k: v for k, v in check["expect"].items() if k != "no_violations"}
    failures = evaluate(expect, status, answer["headers"], answer["body"].encode("utf-8"), "")
    if check["expect"].get("no_violations") and answer["problems"]:
        failures.append("rule broken: " + "; ".join(answer["problems"]))
    return failures


def run_checks(path, spec):
    """Run all checks of one spec against one file; return {check name: failures}."""
    results = {}
    for check in spec["checks"]:
        if "probe" in check:
            results[check["name"]] = run_probe_check(path, check)
        elif spec.get("kind") == "asgi":
            results[check["name"]] = run_asgi_check(path, check)
        else:
            results[check["name"]] = run_wsgi_check(path, check)
    return results


def main():
    """Check every exercise; exit 1 when a solution fails or a starter passes everything."""
    problems, count = [], 0
    for checks_file in sorted(ROOT.glob("*/exercises/*/checks.yaml")):
        folder = checks_file.parent
        spec = yaml.safe_load(checks_file.read_text())
        count += 1
        solved = run_checks(folder / "solution.py", spec)
        for name, failures in solved.items():
            for f in failures:
                problems.append(f"{folder.name}/solution.py fails {name!r}: {f}")
        started = run_checks(folder / "starter.py", spec)
        failed = [name for name, failures in started.items() if failures]
        if not failed:
            problems.append(f"{folder.name}/starter.py passes every check; it should fail at least one")
        print(f"{folder.parent.parent.name}/{folder.name}: solution {sum(not f for f in solved.values())}"
              f"/{len(solved)} passed; starter fails {len(failed)}/{len(started)}")
    for p in problems:
        print("FAIL", p)
    print(f"{count} exercises checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
