"""Every predict-then-run question (content/phases/*/predict.yaml) tells the truth.

The page never ships which answer is right: it runs the question's example on the in-page server and
reads the observed field from the result (src/lesson/predict/observe.ts). This check runs the same
example natively, through the same server core (src/runtime/python, CPython) and the same
concurrency simulation, reads the field by the same rules, and fails when the option marked
`correct: true` (or the `answer.key`) is not what really happens, or when any other option matches
too. Where a question names a real server (wsgiref, gunicorn, waitress) and observes the status, a
header or the body, the real server on loopback must agree as well.

    python3 check_predictions.py            # from tests/content (stage 36)
"""
import re
import sys
import tempfile
from pathlib import Path

import yaml

from real_servers import exchange, raw_request, running, split_response, dechunk

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src" / "runtime" / "python"))
from wsgisim.api import run_request  # noqa: E402
from concurrency.api import run_spec  # noqa: E402

ABSENT, NO_RESPONSE, FAILED, SERVER = "(absent)", "(no response)", "(failed)", "(server)"


def normalise(text):
    """The comparison form of an answer, as observe.ts's normalise(): case, spacing, quotes ignored."""
    text = re.sub(r"\s+", " ", str(text)).strip().lower()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`":
        text = text[1:-1].strip()
    return text


def seconds(text):
    """A latency answer as a number: the first number in it ("1.5", "1.5 s", "1.50s"), else None."""
    found = re.search(r"-?\d+(?:\.\d+)?", str(text).replace(",", "."))
    return float(found.group()) if found else None


def same(observe, guess, real):
    """Whether a guess matches the real value (latencies as numbers, to the microsecond)."""
    if isinstance(observe, dict) and "latency" in observe:
        a, b = seconds(guess), seconds(real)
        return a is not None and b is not None and abs(a - b) < 1e-6
    return normalise(guess) == normalise(real)


def format_seconds(value):
    """1.5 → "1.5 s", 2.0 → "2 s": how the page shows a latency."""
    return f"{round(value, 3):g} s"


def raw_of(request):
    """A question's request (text "GET /x" or {method, target, headers, body}) as the page encodes it."""
    if isinstance(request, str):
        method, _, target = request.strip().partition(" ")
        request = {"method": method, "target": target.strip() or "/"}
    body = request.get("body", "").encode("utf-8")
    headers = [tuple(h) for h in request.get("headers", [])]
    names = {n.lower() for n, _ in headers}
    if "host" not in names:
        headers.insert(0, ("Host", "localhost"))
    if body and "content-length" not in names and "transfer-encoding" not in names:
        headers.append(("Content-Length", str(len(body))))
    head = f"{request['method']} {request['target']} HTTP/1.1\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers)
    return (head + "\r\n").encode("latin-1") + body, request


def observe_server(observe, result):
    """The observed field of one request's result, as observe.ts reads it from the page's run."""
    if observe == "status":
        return result["status"] or NO_RESPONSE
    if observe == "body":
        return result["body"].decode("utf-8", "replace")
    if observe == "stdout":
        return "\n".join(line.strip() for line in result["stdout"].splitlines() if line.strip())
    if observe == "layer":
        names = {e["layer"]: e["name"] for e in result["events"] if e["type"] == "layer_enter"}
        first = next((e for e in result["events"] if e["type"] == "layer_start_response"), None)
        return names.get(first["layer"], SERVER) if first else SERVER
    if isinstance(observe, dict) and "header" in observe:
        values = [v for n, v in result["headers"] if n.lower() == observe["header"].lower()]
        return ", ".join(values) if values else ABSENT
    raise ValueError(f"observe {observe!r} does not fit a request")


def observe_simulation(observe, run):
    """The observed field of one simulated request (latency, status or body) of a pool or loop run."""
    if run.get("error"):
        return FAILED
    wanted = next(iter(observe.values()))
    request = next((r for r in run["requests"] if r["id"] == wanted), None)
    if request is None:
        return FAILED
    if "latency" in observe:
        return format_seconds(request["latency"]) if request["latency"] is not None else FAILED
    if "status" in observe:
        return request["status"] or NO_RESPONSE
    return request["body_preview"]


def real_value(question, path, mode=None):
    """The field as a real server (the question's own, or `mode`) answers it (None where it does not apply)."""
    mode, observe = mode or question.get("mode", "reference"), question["observe"]
    if mode == "reference" or "simulate" in question:
        return None
    if not (observe in ("status", "body") or (isinstance(observe, dict) and "header" in observe)):
        return None
    _, request = raw_of(question["request"])
    with running(mode, path, callable=question.get("callable", "app")) as (port, _log):
        raw = raw_request(port, request["method"], request["target"], [tuple(h) for h in request.get("headers", [])],
                          request.get("body", ""), close=True)
        response, _how = exchange(port, raw)
    status, header_lines, body = split_response(response)
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines if ":" in line]
    if any(n.lower() == "transfer-encoding" and "chunked" in v.lower() for n, v in headers):
        body = dechunk(body)
    if observe == "status":
        return status.split(" ", 1)[1] if status else NO_RESPONSE
    if observe == "body":
        return body.decode("utf-8", "replace")
    values = [v for n, v in headers if n.lower() == observe["header"].lower()]
    return ", ".join(values) if values else ABSENT


def run_question(question, example):
    """The observed field of the question's run through the core (natively)."""
    observe = question["observe"]
    if "simulate" in question:
        sim = dict(question["simulate"])
        server = sim.pop("server")
        options = {"app_dir": str(example.parent), "app_spec": f"{example.stem}:{question.get('callable', 'app')}"}
        if server == "pool":
            options["workers"] = sim.pop("workers", 2)
            options["timeout"] = sim.pop("timeout", 30)
        result = run_spec({server: options, "requests": sim.pop("requests")})
        return observe_simulation(observe, result[server])
    raw, _ = raw_of(question["request"])
    with tempfile.TemporaryDirectory() as tmp:
        # The page's workspace: the example saved as app.py (what the runtime imports by default).
        (Path(tmp) / "app.py").write_text(example.read_text())
        result = run_request(raw, app_dir=tmp, app_spec=f"app:{question.get('callable', 'app')}",
                             mode=question.get("mode", "reference"), trace=True)
    return observe_server(observe, result)


def check(phase_dir):
    """Problems with one phase's questions (none when each tells the truth), and how many ran."""
    data = yaml.safe_load((phase_dir / "predict.yaml").read_text())
    problems = []
    for q in data["questions"]:
        example = phase_dir / "examples" / q["file"]
        label = f"{phase_dir.name}/predict.yaml {q['id']}"
        real = run_question(q, example)
        if "choices" in q:
            matching = [c for c in q["choices"] if same(q["observe"], c.get("value", c["text"]), real)]
            correct = [c for c in q["choices"] if c.get("correct")]
            if matching != correct:
                problems.append(f"{label}: the run gives {real!r}; options matching it: "
                                f"{[c['text'] for c in matching]}, marked correct: {[c['text'] for c in correct]}")
        elif not same(q["observe"], q["answer"]["key"], real):
            problems.append(f"{label}: the run gives {real!r}, the key says {q['answer']['key']!r}")
        measured = real_value(q, example)
        if measured is not None and not same(q["observe"], measured, real):
            problems.append(f"{label}: the in-page server gives {real!r}, the real {q['mode']} {measured!r}")
        print(f"{label}: {real!r}" + (f" (real {q['mode']}: {measured!r})" if measured is not None else ""))
        # What the page says the other real servers answer ("elsewhere") is measured again too.
        for server, said in q.get("elsewhere", {}).items():
            other = real_value(q, example, server)
            if other is None or not same(q["observe"], said, other):
                problems.append(f"{label}: the page says {server} answers {said!r}; the real {server} answers {other!r}")
            print(f"{label}: real {server}: {other!r}")
    return problems, len(data["questions"])


def main():
    """Check every phase's predict.yaml; exit 1 and list the problems if any."""
    problems, count = [], 0
    for phase_dir in sorted(p for p in (ROOT / "content" / "phases").iterdir() if (p / "predict.yaml").exists()):
        found, n = check(phase_dir)
        problems += found
        count += n
    for p in problems:
        print("FAIL", p)
    print(f"{count} predict-then-run questions checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
