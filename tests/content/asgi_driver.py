"""Drive an ASGI app in-process with asyncio, for the phase 4 exercises.

A check is either one request (same expectations as the WSGI checks) or a workload:
N identical requests started together, with a bound on the total wall time. That bound is
what separates an app that awaits its waits from one that blocks the event loop.
"""
import asyncio
import time

from wsgiref_harness import load_app


async def call(app, method="GET", path="/", headers=None, body=b"", timing=None):
    """Send one HTTP request through the ASGI app; return (status, [(name, value)], body bytes).

    `timing`, a dict, gets "first_body": seconds from the call to the first non-empty body message.
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": method, "scheme": "http", "path": raw_path, "raw_path": raw_path.encode(),
        "query_string": query.encode(), "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
    }
    inbox = [{"type": "http.request", "body": body, "more_body": False}]
    sent = []
    began = time.perf_counter()

    async def receive():
        if inbox:
            return inbox.pop(0)
        await asyncio.sleep(3600)  # nothing more will come; a real server would send http.disconnect

    async def send(message):
        sent.append(message)
        if timing is not None and message.get("type") == "http.response.body" and message.get("body"):
            timing.setdefault("first_body", time.perf_counter() - began)

    await app(scope, receive, send)
    start = next((m for m in sent if m["type"] == "http.response.start"), None)
    status = start["status"] if start else None
    hdrs = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in (start or {}).get("headers", [])]
    data = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, hdrs, data


def run_asgi_check(path, check):
    """Run one request check or workload check against the file's `app`; return failure messages."""
    from check_exercises import evaluate  # local import: the two modules use each other
    from exercise_checks import answer, evaluate as judge  # on sys.path once check_exercises is imported
    try:
        app = load_app(str(path))
    except Exception as exc:
        return [f"could not load: {exc!r}"]
    req, expect = check.get("request") or {}, check["expect"]
    count = (check.get("workload") or {}).get("concurrent_requests", 1)

    timing = {}

    async def many():
        calls = [call(app, req.get("method", "GET"), req.get("path", "/"), req.get("headers"),
                      req.get("body", b""), timing) for _ in range(count)]
        return await asyncio.wait_for(asyncio.gather(*calls), timeout=30)

    began = time.perf_counter()
    try:
        results = asyncio.run(many())
    except Exception as exc:
        return [f"raised {exc!r}"]
    elapsed = time.perf_counter() - began
    failures = []
    for status, headers, body in results:
        line = f"HTTP/1.1 {status}" if status else ""
        failures += evaluate({k: v for k, v in expect.items() if k not in ("max_seconds", "first_body_within")},
                             line, headers, body, "")
    # The timing expectations, judged by the page's rules (exercise_checks.py) on wall-clock seconds.
    timed = {k: v for k, v in expect.items() if k in ("max_seconds", "first_body_within")}
    first = timing.get("first_body")
    found = answer(first_body_at=None if first is None else round(first, 2))
    failures += [f"{f['what']}: expected {f['expected']}, got {f['actual']}"
                 for f in judge(timed, found, round(elapsed, 2) if count > 1 or "max_seconds" in timed else None)]
    return sorted(set(failures))
