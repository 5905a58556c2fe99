"""Every output a lesson page quotes is re-produced by the server the page names, and compared.

A page marks a quoted output with an MDX comment right before its fence (nothing of it reaches
the reader):

    {/* output {"example": "read_body", "server": "gunicorn", "request": {...}, "part": "body"} */}

    ```text
    CONTENT_LENGTH='11' wsgi.input_terminated=True
    ```

The JSON says how the output was produced:
- "example": a file in the phase's examples/, without .py ("03-x/examples/name" names another
  phase's); "replace": [old, new] edits its source first (what the prose tells the reader to do).
- "server" or "servers": wsgiref, gunicorn, waitress, uvicorn (the Debian 12 packages, real processes on
  loopback, see real_servers.py), or "script" (run with python3, stdout compared). With "servers",
  each produced line is prefixed with the server's name padded to 9 characters.
- "options": extra command-line options for the server; "port": a fixed port (a quoted value shows it).
- "in_page": why the in-page server cannot show this output (pyodide_prose.ts, which re-produces
  each quote on the in-page server too, then skips it and prints the reason).
- "request": {"method", "target", "headers": [[name, value]], "body"}; default GET /.
- "part": what the fence quotes:
    "response"  status line, headers, blank line, body ("omit": header names left out of the quote)
    "headers"   status line and headers
    "body"      the body (de-chunked)
    "log"       consecutive lines of the server's log ("..." in the quote skips any lines)
    "timings"   "label: N.NN s [text]" lines of a load test ("load": "four-slow-one-quick")
    "nothing"   the server sends no byte within "within" seconds (the fence quotes the client giving up)

Compared after removing what changes from run to run: Date values and log timestamps (gunicorn's with its
master's pid), process ids after "pid", the CPython
patch version in wsgiref's Server header, file descriptor numbers, thread numbers in
ThreadPoolExecutor names. Durations ("603.7 ms", "2.01 s") must agree within a tolerance.

A fence of type text or http with neither this marker nor `{/* not-output: why */}` (a signature, a
sketch) or `{/* output-not-run: why */}` (a server CI does not have) before it fails the check:
no quoted output can drift from what its server really does.

    python3 check_prose_outputs.py [phase-folder-name ...]
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from real_servers import (UVICORN, dechunk, exchange, raw_request, running, split_response, timed_burst)

ROOT = Path(__file__).resolve().parents[2] / "content" / "phases"
MARKER = re.compile(r"\{/\*\s*(output-not-run|not-output|output)(?=[\s:])(.*?)\*/\}\s*\n\s*\n?(?=```)", re.S)
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.S | re.M)
LOADS = {"four-slow-one-quick": [("slow 1", 0, "/slow"), ("slow 2", 0, "/slow"), ("slow 3", 0, "/slow"),
                                 ("slow 4", 0, "/slow"), ("quick", 0.3, "/")]}
SECONDS_TOLERANCE = 0.4


def normal(line):
    """A line without what differs between runs."""
    line = re.sub(r"^(Date:) .*$", r"\1 <date>", line)
    line = re.sub(r"\[\d{2}/\w{3}/\d{4} \d{2}:\d{2}:\d{2}\]", "[<date>]", line)
    line = re.sub(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}\] \[\d+\]", "[<date>] [<pid>]", line)  # gunicorn's log
    line = re.sub(r"\bpid(:|: | )\d+", r"pid\1N", line)
    line = re.sub(r"CPython/3\.\d+\.\d+", "CPython/3.x", line)
    line = re.sub(r"\bname=\d+>", "name=N>", line)
    line = re.sub(r"ThreadPoolExecutor-\d+_\d+", "ThreadPoolExecutor-N", line)
    line = re.sub(r'File "[^"]*/([^/"]+)"', r'File "\1"', line)
    return line.rstrip()


DURATION = re.compile(r"(\d+(?:\.\d+)?) (ms|s)\b")


def same_line(quoted, produced):
    """Equal after normalising, durations within tolerance."""
    q, p = normal(quoted), normal(produced)
    if DURATION.sub("<d>", q) != DURATION.sub("<d>", p):
        return False
    for (qv, unit), (pv, _) in zip(DURATION.findall(q), DURATION.findall(p)):
        qv, pv = float(qv), float(pv)
        limit = max(5.0, 0.1 * qv) if unit == "ms" else SECONDS_TOLERANCE
        if abs(qv - pv) > limit:
            return False
    return True


def contains_run(quoted, produced):
    """The quoted lines appear in order and next to each other in produced ("..." skips lines)."""
    groups, current = [], []
    for line in quoted:
        if line.strip() == "...":
            groups.append(current)
            current = []
        else:
            current.append(line)
    groups.append(current)
    at = 0
    for group in groups:
        if not group:
            continue
        found = next((i for i in range(at, len(produced) - len(group) + 1)
                      if all(same_line(q, p) for q, p in zip(group, produced[i:i + len(group)]))), None)
        if found is None:
            return False
        at = found + len(group)
    return True


def response_text(raw, part, omit):
    """The response as the page quotes it: head lines, blank, body lines."""
    status, headers, body = split_response(raw)
    if any(h.lower() == "transfer-encoding: chunked" for h in headers) and part == "body":
        body = dechunk(body)
    omit = {o.lower() for o in omit}
    head = [status] + [h for h in headers if h.split(":", 1)[0].lower() not in omit]
    body_lines = body.decode("utf-8", "replace").split("\n")
    if body_lines and body_lines[-1] == "":
        body_lines.pop()
    if part == "headers":
        return head
    if part == "body":
        return body_lines
    return head + [""] + body_lines


def server_log(text):
    """A real server's log without its own start and stop lines."""
    return [l for l in text.splitlines() if "[INFO]" not in l and not l.startswith("INFO:waitress")]


# How long a server may take to write the log lines a page quotes after the exchange ended (gunicorn's
# arbiter reaps a timed-out worker, and logs it, a moment after the connection closed).
LOG_SETTLE_S = 5


def produce(spec, example, server, quoted=()):
    """Run one example under one server as the marker says; return the produced lines."""
    request = spec.get("request", {})
    headers = [tuple(h) for h in request.get("headers", [])]
    part = spec["part"]
    if server == "script":
        out = subprocess.run(["/usr/bin/python3", example.name], cwd=example.parent, capture_output=True,
                             text=True, timeout=30)
        return out.stdout.splitlines()
    if part == "timings":
        with running(server, example, options=spec.get("options", ())) as (port, _):
            results = timed_burst(port, LOADS[spec["load"]])
        return [f"{label}: {t:.2f} s {text}".rstrip() for label, (t, text) in results.items()]
    with running(server, example, port=spec.get("port"), options=spec.get("options", ())) as (port, log):
        raw, how = exchange(port, raw_request(port, request.get("method", "GET"), request.get("target", "/"),
                                              headers, request.get("body", "")), total=spec.get("within", 5))
        if part == "log" and quoted:
            # Wait for the log, not a fixed time: until the quoted lines are there, at most LOG_SETTLE_S.
            deadline = time.monotonic() + LOG_SETTLE_S
            while not contains_run(quoted, server_log(log.text())) and time.monotonic() < deadline:
                time.sleep(0.1)
    if part == "nothing":
        return ["(no response)"] if not raw and how == "timeout" else [f"({len(raw)} bytes, {how})"]
    if part == "log":
        return server_log(log.text())
    return response_text(raw, part, spec.get("omit", ()))


def compare_timings(quoted, produced):
    """Same labels; times within tolerance (slow ones compared in sorted order, since which of
    several simultaneous requests a worker takes first is up to the kernel); same texts if quoted."""
    parse = re.compile(r"^(slow \d|quick):\s+(\d+\.\d+) s\s*(.*)$")
    q = [parse.match(l.strip()) for l in quoted if l.strip()]
    p = [parse.match(l.strip()) for l in produced]
    if None in q or None in p or sorted(m[1] for m in q) != sorted(m[1] for m in p):
        return False
    for kind in ("slow", "quick"):
        qt = sorted(float(m[2]) for m in q if m[1].startswith(kind))
        pt = sorted(float(m[2]) for m in p if m[1].startswith(kind))
        if any(abs(a - b) > SECONDS_TOLERANCE for a, b in zip(qt, pt)):
            return False
    if not any(m[3] for m in q):
        return True  # the page quotes the times only
    return sorted(normal(m[3]) for m in q) == sorted(normal(m[3]) for m in p)


def check_marker(phase_dir, spec, quoted):
    """Return (problem or None, what ran)."""
    name = spec["example"] + ".py"
    example = (ROOT / name) if "/" in name else (phase_dir / "examples" / name)
    servers = spec.get("servers") or [spec["server"]]
    label = f"{spec['example']} on {'+'.join(servers)} ({spec['part']})"
    with tempfile.TemporaryDirectory() as tmp:
        if "replace" in spec:
            old, new = spec["replace"]
            source = example.read_text()
            if old not in source:
                return f"{label}: {old!r} is not in {example.name}", label
            copy = Path(tmp) / example.name
            copy.write_text(source.replace(old, new, 1))
            example = copy
        produced = []
        for server in servers:
            lines = produce(spec, example, server, quoted if spec["part"] == "log" else ())
            produced += [f"{server:<9}{l}" for l in lines] if "servers" in spec else lines
    part = spec["part"]
    if part == "timings":
        ok = compare_timings(quoted, produced)
    elif part == "log":
        ok = contains_run(quoted, produced)
    elif part == "nothing":
        ok = produced == ["(no response)"]
    else:
        while quoted and quoted[-1] == "":
            quoted = quoted[:-1]
        while produced and produced[-1].strip() == "":  # a chunked body's last CR LF is a line too
            produced = produced[:-1]
        ok = len(quoted) == len(produced) and all(same_line(q, p) for q, p in zip(quoted, produced))
    if ok:
        return None, label
    return (f"{label}: the page quotes\n      " + "\n      ".join(quoted)
            + "\n    but the server produced\n      " + "\n      ".join(produced[:40])), label


def markers(mdx):
    """(kind, JSON or reason, fence language, fence lines) for every marker, and unmarked output fences."""
    found, marked_at = [], set()
    for m in MARKER.finditer(mdx):
        fence = FENCE.match(mdx, m.end())
        marked_at.add(m.end())
        found.append((m[1], m[2].strip(), fence[1], fence[2].rstrip("\n").split("\n")))
    unmarked = []
    for f in FENCE.finditer(mdx):
        if f[1] in ("text", "http") and f.start() not in marked_at:
            unmarked.append(f[2].split("\n")[0])
    return found, unmarked


def main(selected):
    """Check every marked output of every phase (or of the named phase folders)."""
    if not (shutil.which("/usr/bin/gunicorn") and shutil.which(UVICORN) and Path("/usr/bin/python3").exists()):
        print("FAIL gunicorn, uvicorn or /usr/bin/python3 missing: sudo apt-get install -y gunicorn python3-waitress uvicorn")
        return 1
    problems, checked, not_run, jobs = [], 0, [], []
    for phase_dir in sorted(p for p in ROOT.iterdir() if (p / "index.mdx").exists()):
        if selected and phase_dir.name not in selected:
            continue
        found, unmarked = markers((phase_dir / "index.mdx").read_text())
        for first in unmarked:
            problems.append(f"{phase_dir.name}: a text/http fence starting {first!r} has no output marker "
                            "(an {/* output {...} */} line, or {/* not-output: why */})")
        for kind, body, _, lines in found:
            if kind == "not-output":
                continue
            if kind == "output-not-run":
                not_run.append(f"{phase_dir.name}: {body.lstrip(':').strip()}")
                continue
            try:
                spec = json.loads(body)
            except Exception as exc:
                spec = {"unreadable": repr(exc)}
            jobs.append((phase_dir, body, spec, lines))

    def run(job):
        phase_dir, body, spec, lines = job
        try:
            if "unreadable" in spec:
                raise ValueError(spec["unreadable"])
            return check_marker(phase_dir, spec, lines)
        except Exception as exc:  # a marker that cannot even run is a problem, never a skip
            return f"{body[:120]}: could not run: {exc!r}", body[:60]

    # Most of a check is waiting (a server starting, a response, the log): four at a time, each on its
    # own free port. Measured timings and fixed ports run alone afterwards, so no other server's start
    # disturbs a time the page quotes. Reported in page order.
    alone = [j for j in jobs if j[2].get("part") == "timings" or j[2].get("port")]
    with ThreadPoolExecutor(4) as pool:
        outcomes = {id(j): pool.submit(run, j) for j in jobs if j not in alone}
        outcomes = {key: future.result() for key, future in outcomes.items()}
    for job in alone:
        outcomes[id(job)] = run(job)
    for job in jobs:
        problem, label = outcomes[id(job)]
        checked += 1
        print(("FAIL " if problem else "ok   ") + f"{job[0].name}: {label}")
        if problem:
            problems.append(f"{job[0].name}: {problem}")
    for line in not_run:
        print(f"NOT RUN {line}")
    for p in problems:
        print("FAIL", p)
    print(f"{checked} quoted outputs re-produced and compared, {len(not_run)} not runnable here (listed), "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
