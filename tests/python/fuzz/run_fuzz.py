"""Fuzz the simulator in Pyodide (batch command line) with seeded random and mutated requests.

Every request must give, in the reference mode with the client closing its sending side after the
bytes (half-close; with the connection kept open an unfinished request is waited for), a whole
response: the app's 200, or the server's own refusal (400, or 414/431/501/505 where those fit
better). Tracing must not change a byte. The personalities (every other request half-closed) may
stay silent where their real server would, but no mode may ever fail inside the simulator."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "differential"))
from compare import normalise  # noqa: E402
from generate import generate  # noqa: E402
from simulator import ROOT, run_batch  # noqa: E402

ECHO = str(ROOT / "tests/python/fixtureapps/echo.py")
REFUSALS = {"400", "414", "431", "501", "505"}
STATUS_RE = re.compile(rb"HTTP/1\.[01] (\d{3}) ")


def check_reference(raw, got):
    """'' when the reference result is acceptable, else why not."""
    if not raw and not got["response"] and got["error"]["kind"] == "bad_request":
        return ""  # nothing sent, then end-of-file: every server closes without a word
    if not STATUS_RE.match(got["response"]) or not got["status"]:
        return "no status line in %r" % got["response"][:60]
    code = got["status"][:3]
    error = got["error"]
    if error is None and code != "200":
        return "status %s without an error" % code
    if error is not None and (error["kind"] != "bad_request" or code not in REFUSALS):
        return "%s error with status %s: %s" % (error["kind"], code, error["message"])
    if got["outcome"] != "complete":
        return "outcome %s" % got["outcome"]
    return ""


def main(count=1000):
    requests = generate(count)
    cases = []
    for i, raw in enumerate(requests):
        cases.append({"id": "ref|%d" % i, "raw": raw, "mode": "reference", "app": ECHO + ":application",
                      "half_close": True})
        cases.append({"id": "ref-notrace|%d" % i, "raw": raw, "mode": "reference", "trace": False,
                      "app": ECHO + ":application", "half_close": True})
        for mode in ("wsgiref", "gunicorn", "waitress"):
            cases.append({"id": "%s|%d" % (mode, i), "raw": raw, "mode": mode, "app": ECHO + ":application",
                          "half_close": i % 2 == 1})
    results, timing = run_batch(cases, timeout=1200)
    problems, codes = [], {}
    for i, raw in enumerate(requests):
        ref = results["ref|%d" % i]
        why = check_reference(raw, ref)
        if not why and normalise(ref["response"]) != normalise(results["ref-notrace|%d" % i]["response"]):
            why = "tracing changed the bytes"
        for mode in ("wsgiref", "gunicorn", "waitress"):
            err = results["%s|%d" % (mode, i)]["error"]
            if err and err["kind"] == "internal":
                why = why or "%s: simulator error %s" % (mode, err["message"])
        code = ref["status"][:3] if ref["status"] else "none"
        codes[code] = codes.get(code, 0) + 1
        if why:
            problems.append((i, raw, why))
    print("fuzz: %d requests x 5 runs (reference traced and untraced, 3 personalities)" % len(requests))
    print("reference statuses: %s" % ", ".join("%s x%d" % kv for kv in sorted(codes.items())))
    print("batch: %d runs, %.2f ms each" % (timing["requests"], timing["per_request_ms"]))
    for i, raw, why in problems[:20]:
        print("  #%d %r: %s" % (i, raw[:80], why))
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
