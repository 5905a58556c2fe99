"""Entry points: run a workload through a pre-fork pool or an ASGI event loop; JSON-able results.

Both results share one shape (README.md, "Result shape"): requests, queue and in-flight
series, throughput, metrics, a server log; the pool adds per-worker timelines, the loop
its stalls. Everything except "real" is in virtual time and identical on every run.
"""

from . import metrics
from .app_loader import AppLoadError, load_app
from .asgi_server import AsgiServer
from .prefork_pool import PreforkPool
from .records import clip_output, record_json, segment_json
from .virtual_clock import VirtualClock, real_process_time, virtual_time
from .workload import WorkloadError, normalize

# With no timeout (uvicorn has none) the loop still has to end: this long after the last arrival.
LOOP_GRACE = 300.0


def run_pool(workload, app_dir, app_spec="app:app", workers=3, timeout=30.0, mode="reference"):
    """Serve `workload` with a master and `workers` sync workers running the reader's WSGI app."""
    if not isinstance(workers, int) or not 1 <= workers <= 64:
        return _failed("pool", {"kind": "settings", "message": "workers must be a whole number from 1 to 64"})
    settings = {"workers": workers, "timeout": timeout, "app_spec": app_spec, "mode": mode}
    try:
        requests = normalize(workload)
    except WorkloadError as exc:
        return _failed("pool", {"kind": "workload", "message": str(exc)}, settings)
    from .wsgi_bridge import serve_wsgi   # the WSGI core is needed by the pool only
    clock = VirtualClock()
    pool = PreforkPool(clock, app_dir, app_spec, workers, serve_wsgi(mode), timeout)
    pool._say(0.0, "[INFO] Listening at: http://127.0.0.1:8000 (100)")
    pool._say(0.0, "[INFO] Using worker: sync")
    cpu = real_process_time()
    try:
        with virtual_time(clock):
            records = pool.serve(requests)
    except AppLoadError as exc:
        return _failed("pool", exc.error, settings, log=pool.log)
    for rec in records:
        rec["log"] = clip_output(rec.get("log", ""))
    result = _result("pool", settings, records, ("worker", "pid", "headers", "log"), real_process_time() - cpu)
    result["workers"] = [{
        "index": w.index,
        "boots": [{"pid": b["pid"], "start": metrics.r6(b["start"]), "end": metrics.r6(b["end"]),
                   "segments": [segment_json(s) for s in b["segments"]],
                   "stdout": clip_output(b["stdout"])} for b in w.boots],
        "busy": [{**b, "start": metrics.r6(b["start"]), "end": metrics.r6(b["end"])} for b in w.busy],
    } for w in pool.workers]
    result["log"] = [{"t": metrics.r6(e["t"]), "text": e["text"]} for e in pool.log]
    return result


def run_loop(workload, app_dir, app_spec="app:app", body_chunk=65536, horizon=None, messages=False):
    """Serve `workload` on one asyncio event loop running the reader's ASGI app.

    `messages`: each logged body message carries its text too (WebSocket messages always do).
    """
    settings = {"app_spec": app_spec, "body_chunk": body_chunk}
    try:
        requests = normalize(workload)
    except WorkloadError as exc:
        return _failed("loop", {"kind": "workload", "message": str(exc)}, settings)
    if horizon is None:
        horizon = max(r["at"] for r in requests) + LOOP_GRACE
    settings["horizon"] = horizon
    clock = VirtualClock()
    cpu = real_process_time()
    with virtual_time(clock):
        try:
            app, modules, output = load_app(app_dir, app_spec)
        except AppLoadError as exc:
            return _failed("loop", exc.error, settings)
        startup = {"end": clock.now, "segments": clock.take_segments(), "stdout": output}
        server = AsgiServer(app, clock, app_dir, body_chunk, horizon, messages)
        with modules:
            records = server.serve(requests)
    result = _result("loop", settings, records, ("headers", "events"), real_process_time() - cpu)
    blocked = sorted(server.blocked, key=lambda s: s["start"])
    result["loop"] = {
        "startup": {"end": metrics.r6(startup["end"]),
                    "stdout": clip_output(startup["stdout"] + server.startup["stdout"]),
                    "segments": [segment_json(s) for s in startup["segments"]]},
        "blocked": [segment_json(s) for s in blocked],
        "blocked_total": metrics.r6(sum(s["end"] - s["start"] for s in blocked)),
    }
    result["log"] = [{"t": None, "text": text} for text in server.loop_errors]
    return result


def _result(server, settings, records, extra, cpu_seconds):
    for rec in records:
        for event in rec.get("events") or []:
            event["t"] = metrics.r6(event["t"])
    return {
        "server": server,
        "clock": "virtual",
        "settings": settings,
        "error": None,
        "requests": [record_json(r, extra) for r in records],
        "queue": metrics.queue_series(records),
        "in_flight": metrics.in_flight_series(records),
        "throughput": metrics.throughput(records),
        "metrics": metrics.summary(records),
        "real": {"cpu_ms": round(cpu_seconds * 1000, 3),
                 "note": "host CPU time for the whole run; not part of virtual time, varies by machine"},
    }


def _failed(server, error, settings=None, log=()):
    return {"server": server, "clock": "virtual", "settings": settings or {}, "error": error,
            "requests": [], "queue": [], "in_flight": [], "throughput": [], "metrics": None,
            "log": [{"t": metrics.r6(e["t"]), "text": e["text"]} for e in log], "real": None}


def run_spec(spec):
    """Run what a workload spec asks for: {"pool"?: {...}, "loop"?: {...}, "requests" | "generate"}.

    Each server's object holds "app_dir", "app_spec" and its options (pool: workers, timeout, mode;
    loop: body_chunk, horizon). Returns {"pool"?: result, "loop"?: result}. The one call the
    command line and the browser worker need, JSON in and JSON out.
    """
    workload = {k: spec[k] for k in ("requests", "generate") if k in spec}
    out = {}
    for name, run in (("pool", run_pool), ("loop", run_loop)):
        if name in spec:
            options = dict(spec[name])
            out[name] = run(workload, options.pop("app_dir"), options.pop("app_spec", "app:app"), **options)
    return out
