"""Run raw requests through the simulator in Pyodide under Node, via the batch command line."""
import base64
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DISPATCH = str(ROOT / "tests/python/fixtureapps/dispatch.py") + ":app"


def run_batch(cases, timeout=600):
    """cases: [{"id", "raw": bytes, "mode", "server_addr"?, "trace"?, "half_close"?}] -> ({id: result}, timing)."""
    payload = [{"id": c["id"], "raw": base64.b64encode(c["raw"]).decode(), "app": c.get("app", DISPATCH),
                "mode": c["mode"], "trace": c.get("trace", True), "half_close": c.get("half_close", False),
                **({"server_addr": list(c["server_addr"])} if c.get("server_addr") else {})}
               for c in cases]
    with tempfile.TemporaryDirectory() as tmp:
        cases_file, out_file = Path(tmp) / "cases.json", Path(tmp) / "results.json"
        cases_file.write_text(json.dumps(payload))
        proc = subprocess.run(["npm", "run", "-s", "simulate", "--", "--batch", str(cases_file),
                               "--out", str(out_file)], cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError("batch simulator failed (%d):\n%s" % (proc.returncode, proc.stderr))
        data = json.loads(out_file.read_text())
    results = {}
    for r in data["results"]:
        r["response"] = base64.b64decode(r["response"])
        r["body"] = base64.b64decode(r["body"])
        results[r["id"]] = r
    return results, data["timing"]
