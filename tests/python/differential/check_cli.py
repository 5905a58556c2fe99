"""The single-request command line: stdout is exactly the response bytes (every response of a
pipelined connection), modules beside the app load, --trace writes the result, a missing callable
fails with gunicorn's message, and waitress's own parser crash exits 0 (it is waitress's behaviour)."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from compare import normalise
from simulator import ROOT

MULTI = str(ROOT / "tests/python/fixtureapps/multi/app.py")


def simulate(args, raw):
    return subprocess.run(["npm", "run", "-s", "simulate", "--", *args], cwd=ROOT, input=raw,
                          capture_output=True, timeout=300)


def main():
    failures = []
    raw = b"GET /x?Ada HTTP/1.1\r\nHost: localhost\r\n\r\n"
    with tempfile.TemporaryDirectory() as tmp:
        trace_file = Path(tmp) / "trace.json"
        proc = simulate([MULTI + ":app", "--mode", "gunicorn", "--trace", str(trace_file)], raw)
        expected = (b"HTTP/1.1 200 OK\r\nServer: gunicorn\r\nDate: <date>\r\nConnection: close\r\n"
                    b"Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nHello, Ada!")
        if proc.returncode != 0 or normalise(proc.stdout) != expected:
            failures.append("single request: rc=%d stdout=%r stderr=%r" % (
                proc.returncode, proc.stdout[:300], proc.stderr[-300:]))
        else:
            result = json.loads(trace_file.read_text())
            if result["stdout"] != "handling /x\n" or not result["events"]:
                failures.append("trace file lacks stdout or events: %r" % result["stdout"])
    # waitress's own parser crash is what waitress does (it closes the connection), not a simulator bug.
    crash = b"PUT s://]ufd/: HTTP/1.1\r\nHost: localhost\r\n\r\n"
    proc = simulate([MULTI + ":app", "--mode", "waitress"], crash)
    if proc.returncode != 0 or proc.stdout or b"bad_request: waitress's own request parser raised ValueError" \
            not in proc.stderr:
        failures.append("waitress parser crash: rc=%d stdout=%r stderr=%r" % (
            proc.returncode, proc.stdout[:200], proc.stderr[-300:]))
    # Two pipelined requests: waitress answers both on the kept-alive connection.
    proc = simulate([MULTI + ":app", "--mode", "waitress"], raw + raw.replace(b"Ada", b"Bob"))
    if proc.returncode != 0 or proc.stdout.count(b"HTTP/1.1 200 OK\r\n") != 2 or b"Hello, Bob!" not in proc.stdout:
        failures.append("pipelined: rc=%d stdout=%r" % (proc.returncode, proc.stdout[:400]))
    proc = simulate([MULTI + ":nope"], raw)
    if proc.returncode != 1 or proc.stdout or b"Failed to find attribute 'nope' in 'app'." not in proc.stderr:
        failures.append("missing callable: rc=%d stdout=%r stderr=%r" % (proc.returncode, proc.stdout, proc.stderr[-300:]))
    for failure in failures:
        print("CLI:", failure)
    print("CLI checks: %d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
