"""The onion in Pyodide (the browser's Python 3.14, through the batch command line) records the same
steps and summaries as CPython for every fixture stack. Run by tests/stages/32-onion.sh."""
import base64
import json
import os
import subprocess
import sys
import tempfile

from helpers import ROOT, STACKS, run, steps, summaries
from test_changes import CASES

# Times differ run to run; everything else must match exactly.
UNSTABLE = {"t", "times"}


def stable(result):
    return steps(result), [{k: v for k, v in s.items() if k not in UNSTABLE} for s in summaries(result)]


def main():
    cases = []
    for i, (spec, target, headers) in enumerate(CASES):
        module, _, name = spec.partition(":")
        raw = ("GET %s HTTP/1.1\r\nHost: localhost\r\n%s\r\n" % (target, headers)).encode("latin-1")
        cases.append({"id": str(i), "raw": base64.b64encode(raw).decode(),
                      "app": os.path.join(STACKS, module + ".py") + ":" + name})
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "cases.json"), os.path.join(tmp, "results.json")
        with open(src, "w") as f:
            json.dump(cases, f)
        subprocess.run(["npm", "run", "-s", "simulate", "--", "--batch", src, "--out", out],
                       cwd=ROOT, check=True, timeout=300)
        with open(out) as f:
            results = {r["id"]: r for r in json.load(f)["results"]}
    failures = 0
    for i, (spec, target, headers) in enumerate(CASES):
        expected = stable(run(spec, target, headers))
        got = stable(results[str(i)])
        if got != expected:
            failures += 1
            print("MISMATCH %s %s\n  CPython: %s\n  Pyodide: %s" % (spec, target, expected, got))
    print("onion in Pyodide: %d of %d stacks match CPython" % (len(CASES) - failures, len(CASES)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
