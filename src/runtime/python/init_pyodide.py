"""The one module that joins the server core to the browser worker (the only one that touches pyodide).

worker.ts calls boot() once, then set_files(), run_request(), run_script(), run_simulation() and
run_checks().
Everything crosses the boundary as JSON text or bytes, so the page receives plain data
(structured-cloneable, null not undefined) and no Python object outlives a call.
"""
import json
import sys

from pyodide.ffi import to_js
from wsgisim.loader import purge

from worker_support import script as script_support, stdin, threads
from worker_support.isolation import RunState
from worker_support.notices import classify, last_exception_line
from worker_support.output import OutputSink
from worker_support.result_limits import HEADER_LIMIT, trim_result
from worker_support.script import describe_exception, run_script as _run_script
from worker_support.simulation import run_simulation as _run_simulation
from worker_support.checks import run_checks as _run_checks
from worker_support.workspace import write_workspace

APP_DIR = "/home/pyodide/app"
_post_output = None


_core = None


def prepare():
    """Import the core and serve a throwaway app once; True when the core is there.

    The build's memory snapshot (src/integrations/pyodide-snapshot.ts) calls this, so a restored
    interpreter starts with all of it done; boot() then finds it done. Touches no JavaScript.
    """
    global _core
    if _core is None:
        try:
            import wsgisim.api  # noqa: F401  (importing early makes the first Run fast)
            # Registers `simulate`, so the reader's `from simulate import slow_io` works in every run.
            import concurrency  # noqa: F401
            _core = True
        except ImportError:
            _core = False
        if _core:
            _warm_up()
    return _core


def boot(post_output, post_interrupted):
    """Prepare the interpreter once: live-output and interrupt callbacks, guards, core imported ahead."""
    global _post_output
    _post_output = post_output
    script_support.on_interrupt = post_interrupted
    # Edits can land within the same second with the same size; a cached .pyc would then be stale.
    sys.dont_write_bytecode = True
    threads.install()
    stdin.install()
    write_workspace(APP_DIR, {})
    core = prepare()
    return json.dumps({"python": sys.version.split()[0], "core": core})


_WARM_UP_APP = ("def app(environ, start_response):\n"
                "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
                "    return [b'ok']\n")


def _warm_up():
    """Serve two requests to a throwaway app: the reader's first Run then skips first-time imports and caches."""
    from wsgisim.api import run_request as core_run
    folder = "/home/pyodide/warm-up"
    write_workspace(folder, {"app.py": _WARM_UP_APP})
    for _ in range(2):
        core_run(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", app_dir=folder)
    purge(folder)


def set_files(files_json):
    """Replace the reader's workspace with `files_json` ({path: source}); return the file count."""
    return write_workspace(APP_DIR, json.loads(files_json))


def _forward(stream, text):
    if _post_output is not None:
        _post_output(stream, text)


def _notice(exc_type, message):
    found = classify(exc_type, message)
    return None if found is None else {"kind": found[0], "message": found[1], "restarted": False}


def run_request(raw, settings_json):
    """Serve one raw HTTP request through the core; (result JSON, response bytes, body bytes)."""
    settings = json.loads(settings_json)
    sink = OutputSink(_forward, settings["outputLimit"])
    state = RunState()
    server = exception = notice = None
    response = body = b""
    try:
        from wsgisim.api import run_request as core_run
        data = raw.to_bytes() if hasattr(raw, "to_bytes") else bytes(raw)
        server = core_run(data, app_dir=APP_DIR, app_spec=settings["appSpec"],
                          mode=settings["mode"], trace=settings["trace"], on_output=sink.write,
                          half_close=settings.get("halfClose", False))
    except BaseException as exc:  # KeyboardInterrupt from a stop, or a failure of the core itself
        exception = describe_exception(exc, APP_DIR)
        notice = _notice(exception["type"], exception["message"])
    finally:
        purge(APP_DIR)  # the reader's modules (and whatever they hold) go now, not at the next run
        state.restore()
        sink.flush()
    if server is not None:
        response, body = server.pop("response"), server.pop("body")
        error = server.get("error")
        if error:
            notice = _notice(*last_exception_line(error.get("traceback") or ""))
        if sink.exceeded:
            notice = {"kind": "output-limit", "message": sink.limit_message(), "restarted": False}
        limit = settings["responseLimit"]
        if len(response) > limit:
            notice = {"kind": "response-limit", "restarted": False, "message": (
                f"Response limit: the response was {len(response):,} bytes; only the first {limit:,} "
                "are kept. Send less, or stream a summary.")}
            response, body = response[:limit], body[:limit]
        for key in ("stdout", "stderr", "log"):
            server[key] = (server.get(key) or "")[: settings["outputLimit"]]
        trim_result(server, settings.get("headerLimit", HEADER_LIMIT))
    result = {"server": server, "exception": exception, "notice": notice,
              "stdout": sink.text("stdout"), "stderr": sink.text("stderr")}
    return to_js([json.dumps(result, default=repr), to_js(bytes(response)), to_js(bytes(body))])


def run_script(path, settings_json):
    """Run a workspace file as __main__ (like `python3 app.py`); the result as JSON text."""
    settings = json.loads(settings_json)
    sink = OutputSink(_forward, settings["outputLimit"])
    state = RunState()
    try:
        exception = _run_script(APP_DIR, path, sink)
    finally:
        state.restore()
        sink.flush()
    notice = None
    if exception is not None and exception["type"] != "SystemExit":  # exiting is normal for a script
        notice = _notice(exception["type"], exception["message"])
    if sink.exceeded:
        notice = {"kind": "output-limit", "message": sink.limit_message(), "restarted": False}
    return json.dumps({"server": None, "exception": exception, "notice": notice,
                       "stdout": sink.text("stdout"), "stderr": sink.text("stderr")})


def run_simulation(spec_json, settings_json):
    """Serve a workload through the pool and/or the loop (concurrency.api.run_spec); the result as JSON text."""
    return _run_simulation(spec_json, settings_json, APP_DIR, _forward)


def run_checks(kind, checks_json, settings_json):
    """Serve and judge an exercise's checks on the reader's files (exercise_checks.py); the result as JSON text."""
    return _run_checks(kind, checks_json, settings_json, APP_DIR, _forward)
