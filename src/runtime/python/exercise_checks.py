"""Exercise checks, judged in one place: the page's worker, the Pyodide content test and the CPython CI
(tests/content/check_exercises.py) all decide here whether an answer meets a check's expectations.

A check (content/phases/NN-slug/exercises/NAME/checks.yaml, schema in src/lesson/checks-schema.ts) is
one request and what its answer must be. `run_checks` serves each check on the reader's files: a WSGI
check is one request through the server core (reference mode, or the personality `server` names), a
probe check calls the reader's code itself (exercise_probes.py), an ASGI check is served by the
event-loop simulation (concurrency.api.run_loop). Each served answer becomes an Answer dict:

    {"status": "200 OK" | None, "headers": [[name, value]], "body": str,
     "problems": [one line of words per broken rule or error], "note": why nothing came back | None,
     "firstBodyAt": seconds to the first body bytes (ASGI) | None}

and `evaluate` lists the expectations it misses as {"what", "expected", "actual"}, the words the page
shows under a failed check. Plain Python: CPython 3.11+ and Pyodide.
"""
import json
import math
import os
import re

ERROR_WORDS = {
    "app_load": "the app could not be loaded",
    "app_exception": "the app raised an exception",
    "bad_request": "the server refused the request",
    "timeout": "the server never answered",
}


def _show(text):
    """A string as the page shows it: JSON, non-ASCII kept (JavaScript's JSON.stringify)."""
    return json.dumps(text, ensure_ascii=False)


def _number(value):
    """A number as JavaScript's String() writes it: 2 (not 2.0), 0.25, 1e-7."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = "%se%s%d" % (mantissa, "-" if exponent.startswith("-") else "+", abs(int(exponent)))
    return text


def answer(status=None, headers=(), body="", problems=(), note=None, first_body_at=None):
    """An Answer dict (see the module's docstring)."""
    return {"status": status, "headers": [list(h) for h in headers], "body": body,
            "problems": list(problems), "note": note, "firstBodyAt": first_body_at}


def silent(why):
    """The answer of a check whose server said nothing, for `why`."""
    return answer(problems=[why], note=why)


def status_code(status):
    """The status code of a status line ("404 Not Found" → 404), or None."""
    match = re.match(r"(\d{3})\b", status or "")
    return int(match.group(1)) if match else None


def answer_from_core(result):
    """The answer of a wsgisim.api.run_request result (body bytes, or base64 text from the batch CLI)."""
    problems = ["PEP 3333, %s: %s" % (v["pep"], v["message"]) for v in result.get("violations") or []]
    error = result.get("error")
    note = "%s: %s" % (ERROR_WORDS.get(error["kind"], error["kind"]), error["message"]) if error else None
    if note:
        problems.append(note)
    body = result.get("body") or b""
    text = body.decode("utf-8", "replace") if isinstance(body, (bytes, bytearray)) else body
    return answer(result.get("status"), result.get("headers") or [], text, problems, note)


def answer_from_loop(record):
    """The answer of one request served by the ASGI loop simulation (concurrency/README.md)."""
    problems = ["ASGI: %s" % v["message"] for v in record.get("violations") or []]
    error, outcome = record.get("error"), record.get("outcome")
    if error:
        problems.append("the app raised an exception: %s" % error["message"])
    if outcome != "complete":
        problems.append("the response was %s" % ("cut off" if outcome == "cut" else outcome))
    # The simulation keeps the first 200 characters; exercise bodies are far shorter than that.
    body = record.get("body_preview") or ""
    if (record.get("body_bytes") or 0) > 200:
        body += "…"
    first = next((e for e in record.get("events") or []
                  if e.get("dir") == "send" and e.get("type") == "http.response.body" and (e.get("bytes") or 0) > 0), None)
    first_at = None
    if first is not None and record.get("at") is not None:
        first_at = math.floor((first["t"] - record["at"]) * 1e6 + 0.5) / 1e6
    note = ("the app raised an exception: %s" % error["message"] if error
            else "the request ended %s" % outcome if outcome != "complete" else None)
    return answer(record.get("status"), record.get("headers") or [], body, problems, note, first_at)


def evaluate(expect, ans, seconds=None):
    """Every expectation `ans` misses (empty when the check passes). `seconds`: a workload's duration."""
    failures = []

    def fail(what, expected, actual):
        failures.append({"what": what, "expected": expected, "actual": actual})

    status = ans.get("status")
    nothing = "no response (%s)" % ans["note"] if ans.get("note") else "no response"
    if "status" in expect and status_code(status) != expect["status"]:
        fail("status", _number(expect["status"]), status if status is not None else nothing)
    got = {name.lower(): value for name, value in ans.get("headers") or []}
    for name, value in (expect.get("headers") or {}).items():
        actual = got.get(name.lower())
        if actual != value:
            fail("header %s" % name, value, "(missing)" if actual is None else actual)
    text = ans.get("body") or ""
    body = nothing if status is None else _show(text)
    if "body_equals" in expect and (status is None or text != expect["body_equals"]):
        fail("body", _show(expect["body_equals"]), body)
    if "body_contains" in expect and (status is None or expect["body_contains"] not in text):
        fail("body contains", _show(expect["body_contains"]), body)
    if "body_matches" in expect and (status is None or not re.search(expect["body_matches"], text)):
        fail("body matches", "/%s/" % expect["body_matches"], body)
    if expect.get("no_violations") and ans.get("problems"):
        fail("rules", "no broken rule and no error", "\n".join(ans["problems"]))
    within, first = expect.get("first_body_within"), ans.get("firstBodyAt")
    if within is not None and (first is None or first > within):
        fail("first body bytes", "within %s s of the request" % _number(within),
             "no body was sent" if first is None else "after %s s" % _number(first))
    bound = expect.get("max_seconds")
    if bound is not None and (seconds is None or seconds > bound):
        fail("time for all requests", "at most %s s" % _number(bound),
             "not measured" if seconds is None else "%s s" % _number(seconds))
    return failures


def check_workload(check):
    """The loop simulation's workload for an ASGI check: its request once, or `concurrent_requests`
    copies, all arriving at t = 0."""
    request = check.get("request") or {}
    one = {"at": 0, "method": request.get("method", "GET"), "path": request.get("path", "/"),
           "headers": [[k, v] for k, v in (request.get("headers") or {}).items()],
           "body": request.get("body", "")}
    count = (check.get("workload") or {}).get("concurrent_requests", 1)
    return {"requests": [dict(one) for _ in range(count)]}


def loop_failures(check, run):
    """A loop simulation's result → the check's failures (every request must meet the expectations;
    `max_seconds` bounds the whole workload)."""
    expect = check["expect"]
    if run.get("error") or not run.get("requests"):
        why = run["error"]["message"] if run.get("error") else "no request was served"
        return evaluate(expect, silent(why))
    per_request = {k: v for k, v in expect.items() if k != "max_seconds"}
    first = next((f for f in (evaluate(per_request, answer_from_loop(r)) for r in run["requests"]) if f), [])
    seconds = (run.get("metrics") or {}).get("duration") if check.get("workload") else None
    timing = evaluate({"max_seconds": expect["max_seconds"]} if "max_seconds" in expect else {}, answer(), seconds)
    return first + timing


def _request_bytes(request):
    """The check's request as bytes on the wire (the page's encodeRequest: Host and Content-Length added)."""
    body = (request.get("body") or "").encode("utf-8")
    headers = list((request.get("headers") or {}).items())
    names = {name.lower() for name, _ in headers}
    if "host" not in names:
        headers.insert(0, ("Host", "localhost"))
    if body and "content-length" not in names and "transfer-encoding" not in names:
        headers.append(("Content-Length", str(len(body))))
    head = "%s %s HTTP/1.1\r\n" % (request.get("method", "GET"), request.get("path", "/"))
    head += "".join("%s: %s\r\n" % pair for pair in headers) + "\r\n"
    return head.encode("utf-8") + body


def run_checks(kind, checks, app_dir, app_spec="app:app", on_output=None):
    """Serve and judge every check on the reader's files in `app_dir`: [{"name", "failures"}], in order."""
    outcomes = []
    for check in checks:
        if kind == "asgi":
            from concurrency.api import run_loop
            failures = loop_failures(check, run_loop(check_workload(check), app_dir, app_spec))
        elif check.get("probe"):
            from exercise_probes import run_probe
            path = os.path.join(app_dir, app_spec.partition(":")[0] + ".py")
            failures = evaluate(check["expect"], run_probe(path, check["probe"], check.get("request") or {}))
        else:
            from wsgisim.api import run_request
            result = run_request(_request_bytes(check.get("request") or {}), app_dir=app_dir, app_spec=app_spec,
                                 mode=check.get("server") or "reference", trace=False, on_output=on_output)
            failures = evaluate(check["expect"], answer_from_core(result))
        outcomes.append({"name": check["name"], "failures": failures})
    return outcomes
