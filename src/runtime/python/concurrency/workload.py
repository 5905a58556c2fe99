"""Workloads: requests with arrival times, given one by one or generated from a few controls.

A workload is a dict, either {"requests": [...]} or {"generate": {...}} (see README.md).
Generation is seeded and uses only integer draws from `random.Random`, so the same
controls give the same requests on CPython and in Pyodide.
"""

import math
import random

GENERATE_DEFAULTS = {
    "requests": 20,        # how many requests
    "rate": 5.0,           # arrivals per virtual second
    "slow_share": 0.3,     # share of requests sent to slow_path (rounded to a whole count)
    "slow_path": "/slow",
    "fast_path": "/",
    "pattern": "even",     # "even": one every 1/rate s; "burst": all at t=0; "poisson": random gaps
    "seed": 1,
}
MAX_REQUESTS = 10_000


class WorkloadError(ValueError):
    """The workload description is malformed; the message says which field and how to fix it."""


def normalize(workload):
    """Return the workload's requests as dicts with id, at, method, path, headers, body (bytes)."""
    if isinstance(workload, list):
        workload = {"requests": workload}
    if not isinstance(workload, dict):
        raise WorkloadError('a workload is {"requests": [...]} or {"generate": {...}}')
    if "generate" in workload:
        items = generate(workload["generate"])
    elif "requests" in workload:
        items = workload["requests"]
    else:
        raise WorkloadError('a workload needs "requests" (a list) or "generate" (controls)')
    if not isinstance(items, list) or not items:
        raise WorkloadError('"requests" must be a non-empty list')
    if len(items) > MAX_REQUESTS:
        raise WorkloadError(f"at most {MAX_REQUESTS} requests per workload, got {len(items)}")
    requests = [_one(i, item) for i, item in enumerate(items)]
    # Stable sort: requests arriving together keep their listed order in the FIFO queue.
    requests.sort(key=lambda r: r["at"])
    return requests


def _one(index, item):
    if isinstance(item, str):
        item = {"path": item}
    if not isinstance(item, dict):
        raise WorkloadError(f"request {index}: expected an object like {{\"at\": 0, \"path\": \"/\"}}")
    at = item.get("at", 0)
    if not isinstance(at, (int, float)) or isinstance(at, bool) or not math.isfinite(at) or at < 0:
        raise WorkloadError(f"request {index}: \"at\" must be a number of seconds >= 0, got {at!r}")
    path = item.get("path", "/")
    if not isinstance(path, str) or not path.startswith("/"):
        raise WorkloadError(f"request {index}: \"path\" must start with /, got {path!r}")
    method = item.get("method", "GET")
    headers = item.get("headers", [])
    if isinstance(headers, dict):
        headers = list(headers.items())
    body = item.get("body", "")
    body = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    out = {"id": item.get("id", index), "at": float(at), "method": str(method).upper(),
           "path": path, "headers": [[str(k), str(v)] for k, v in headers], "body": body}
    if "websocket" in item:
        # A WebSocket connection: the client's text messages, sent `gap` seconds apart once accepted.
        script, gap = item["websocket"], item.get("gap", 1.0)
        if not isinstance(script, list) or len(script) > 50 or not all(isinstance(m, str) for m in script):
            raise WorkloadError(f"request {index}: \"websocket\" must be a list of at most 50 text messages")
        if not isinstance(gap, (int, float)) or isinstance(gap, bool) or not 0 < gap <= 60:
            raise WorkloadError(f"request {index}: \"gap\" must be a number of seconds from 0 to 60, got {gap!r}")
        out["websocket"], out["gap"] = script, float(gap)
    return out


def generate(controls):
    """Requests from controls: count, arrival rate and pattern, share of slow requests, seed."""
    if not isinstance(controls, dict):
        raise WorkloadError('"generate" must be an object of controls')
    unknown = set(controls) - set(GENERATE_DEFAULTS)
    if unknown:
        raise WorkloadError(f"unknown generate control(s): {', '.join(sorted(unknown))}")
    c = {**GENERATE_DEFAULTS, **controls}
    n, rate, share = c["requests"], c["rate"], c["slow_share"]
    if not isinstance(n, int) or not 1 <= n <= MAX_REQUESTS:
        raise WorkloadError(f"generate.requests must be a whole number from 1 to {MAX_REQUESTS}")
    if not isinstance(rate, (int, float)) or not rate > 0 or not math.isfinite(rate):
        raise WorkloadError("generate.rate must be a number of requests per second > 0")
    if not isinstance(share, (int, float)) or not 0 <= share <= 1:
        raise WorkloadError("generate.slow_share must be between 0 and 1")
    rng = random.Random(c["seed"])
    slow = set(rng.sample(range(n), round(n * share)))
    times = _arrivals(c["pattern"], n, rate, rng)
    return [{"id": i, "at": times[i], "path": c["slow_path"] if i in slow else c["fast_path"]}
            for i in range(n)]


def _arrivals(pattern, n, rate, rng):
    if pattern == "even":
        return [round(i / rate, 6) for i in range(n)]
    if pattern == "burst":
        return [0.0] * n
    if pattern == "poisson":
        # Uniforms drawn as whole millionths (integer draws), mapped through the exponential's
        # inverse CDF and rounded to microseconds, so a last-bit difference between libms
        # (CPython's glibc, Pyodide's musl) cannot change an arrival time.
        t, out = 0.0, []
        for _ in range(n):
            out.append(round(t, 6))
            u = (rng.randrange(1, 1_000_000) / 1_000_000)
            t += round(-math.log(u) / rate, 6)
        return out
    raise WorkloadError('generate.pattern must be "even", "burst" or "poisson"')


def raw_request(request):
    """The request as the bytes a client would send (HTTP/1.1, Host, Content-Length, close)."""
    lines = [f"{request['method']} {request['path']} HTTP/1.1", "Host: localhost:8000"]
    names = {k.lower() for k, _ in request["headers"]}
    lines += [f"{k}: {v}" for k, v in request["headers"]]
    if request["body"] and "content-length" not in names:
        lines.append(f"Content-Length: {len(request['body'])}")
    if "connection" not in names:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + request["body"]
