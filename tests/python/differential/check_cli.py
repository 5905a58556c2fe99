"""The single-request command line: stdout is exactly the response bytes, modules beside the app
load, --trace writes the result, and a missing callable fails with gunicorn's message."""
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
    proc = simulate([MULTI + ":nope"], raw)
    if proc.returncode != 1 or proc.stdout or b"Failed to find attribute 'nope' in 'app'." not in proc.stderr:
        failures.append("missing callable: rc=%d stdout=%r stderr=%r" % (proc.returncode, proc.stdout, proc.stderr[-300:]))
    for failure in failures:
        print("CLI:", failure)
    print("CLI checks: %d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
