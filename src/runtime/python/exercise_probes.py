"""Exercise checks that a single request cannot decide: the check calls the reader's code itself.

A normal check sends one request through the server core and judges the response. Some concepts
show only from the other side of the contract, so a check may name a `probe` instead:

- server_loop: the reader wrote the server's side (a function `(app, path) -> (status, headers,
  body)`); the probe hands it a small app of a known shape, wrapped in wsgiref.validate, and
  records what the function did with it (did it iterate a generator before reading the status,
  call close() exactly once, also when the body raised, send write() data first).
- after_disconnect: the client goes away after the first chunk of `first` (the server calls
  close() as every server does), then the check's own request is served in full.
- first_chunk: only the first non-empty chunk the app yields for the check's request, then close():
  a middleware that buffers the whole body gives everything at once.
- log: the check's request served in full; the answer's body is what the app wrote to wsgi.errors
  (a logging middleware's lines), its status the response's.
- pool: `requests` copies of the check's request at once on the pre-fork pool simulation with
  `workers` sync workers (src/runtime/python/concurrency): the first failed request, or the first.

Each probe returns an answer like a server's: status, headers, body (str) and problems (one line of
words per broken rule), judged by the same expectations as every other check. Plain CPython: the
CI (tests/content/check_exercises.py), the Pyodide test and the page's worker all run this module.
"""
import contextlib
import gc
import importlib.util
import io
import itertools
import sys
import traceback
from urllib.parse import unquote_to_bytes
from wsgiref import validate

_count = itertools.count()


def load_module(path):
    """Import the reader's file afresh (module state never leaks from one check to the next)."""
    name = f"_exercise_{next(_count)}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


def _environ(method, path):
    """A complete PEP 3333 environ for a request without a body."""
    query = ""
    if "?" in path:
        path, query = path.split("?", 1)
    raw = unquote_to_bytes(path)
    return {
        "REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": raw.decode("latin-1"),
        "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
    }


def _error_line(exc):
    if isinstance(exc, SyntaxError):  # one line, the reader's line number, no file path
        return f"{type(exc).__name__}: {exc.msg} (line {exc.lineno})"
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


# ---- the apps a server_loop probe hands to the reader's server function ----------------------------

class _Recorder:
    """What happened to the probe app's body: how often close() ran."""

    def __init__(self):
        self.closed = 0


class _Body:
    """A body iterable with close(), as a file-backed or database-backed body would be."""

    def __init__(self, chunks, recorder, fail_after=None):
        self.chunks, self.recorder, self.fail_after = chunks, recorder, fail_after

    def __iter__(self):
        for i, chunk in enumerate(self.chunks):
            if self.fail_after is not None and i == self.fail_after:
                raise RuntimeError("the body failed half way")
            yield chunk

    def close(self):
        self.recorder.closed += 1


def _probe_app(name, recorder):
    """One small app of a known shape; each breaks a different shortcut a server loop might take."""
    headers = [("Content-Type", "text/plain; charset=utf-8")]

    def listed(environ, start_response):
        start_response("200 OK", headers)
        return [b"Hello, ", b"world\n"]

    def generator(environ, start_response):
        # start_response runs only when the server asks for the first chunk.
        start_response("201 Created", headers)
        yield b"made "
        yield environ["PATH_INFO"].encode("latin-1") + b"\n"

    def closing(environ, start_response):
        start_response("200 OK", headers)
        return _Body([b"one ", b"two\n"], recorder)

    def failing(environ, start_response):
        start_response("200 OK", headers)
        return _Body([b"one ", b"two\n"], recorder, fail_after=1)

    def writer(environ, start_response):
        write = start_response("200 OK", headers)
        write(b"written first, ")
        return [b"then returned\n"]

    apps = {"list": listed, "generator": generator, "closing": closing, "failing": failing, "writer": writer}
    if name not in apps:
        raise ValueError(f"probe app {name!r} is not one of {', '.join(apps)}")
    return apps[name]


def _server_loop(module, probe, request):
    function_name = probe.get("function", "call_like_a_server")
    serve = getattr(module, function_name, None)
    if not callable(serve):
        return _nothing(f"the file defines no function {function_name}()")
    recorder = _Recorder()
    app_name = probe.get("app", "list")
    # wsgiref.validate checks the server's side too: a complete environ, start_response's
    # arguments, iteration only after the app returned, and close() on a body that has it.
    app = validate.validator(_probe_app(app_name, recorder))
    problems = []
    try:
        result = serve(app, request.get("path", "/"))
    except RuntimeError as exc:
        if app_name != "failing" or str(exc) != "the body failed half way":
            return _nothing(f"{function_name}() raised {_error_line(exc)}", problems)
        result = None
    except Exception as exc:  # an AssertionError from wsgiref.validate names the broken rule
        return _nothing(f"{function_name}() raised {_error_line(exc)}", problems)
    if app_name in ("closing", "failing") and recorder.closed != 1:
        problems.append(f"the body's close() was called {recorder.closed} times; a server calls it exactly once,"
                        " after the last chunk, also when iterating the body raised")
    if result is None:
        # The body raised: the exception belongs to the server, which must still have called close().
        return {"status": "500 Internal Server Error", "headers": [], "body": "", "problems": problems}
    try:
        status, headers, body = result
    except (TypeError, ValueError):
        return _nothing(f"{function_name}() returned {result!r:.80}, not (status, headers, body)", problems)
    if not isinstance(body, bytes):
        problems.append(f"the body {function_name}() returned is {type(body).__name__}, not bytes")
        body = b""
    if not isinstance(status, str):
        return _nothing(f"{function_name}() returned the status {status!r:.60}, not a str such as '200 OK'", problems)
    return {"status": status, "headers": [tuple(h) for h in headers or []], "body": body.decode("utf-8", "replace"),
            "problems": problems}


# ---- probes that call the reader's app as a server does ----------------------------------------

def _serve(app, method, path, chunks=None, errors=None):
    """Call the app once like a server; `chunks` limits how many non-empty chunks are taken."""
    response = {}
    written = []
    environ = _environ(method, path)
    if errors is not None:
        environ["wsgi.errors"] = errors

    def start_response(status, headers, exc_info=None):
        if exc_info and response.get("sent"):
            raise exc_info[1].with_traceback(exc_info[2])  # too late to replace what was sent
        if response.get("status") and not exc_info:
            raise AssertionError("start_response was called a second time without exc_info")
        response["status"], response["headers"] = status, headers
        return written.append

    result = app(environ, start_response)
    taken = list(written)
    try:
        for chunk in result:
            if chunk:
                response["sent"] = True
                taken.append(chunk)
            if chunks is not None and len(taken) >= chunks:
                break
    finally:
        if hasattr(result, "close"):
            result.close()
    problems = [f"the body held {type(c).__name__}, not bytes" for c in taken if not isinstance(c, bytes)]
    body = b"".join(c for c in taken if isinstance(c, bytes))
    return {"status": response.get("status"), "headers": [tuple(h) for h in response.get("headers", [])],
            "body": body.decode("utf-8", "replace"), "problems": problems}


def _app_of(module):
    app = getattr(module, "app", None)
    if not callable(app):
        raise LookupError("the file defines no callable named app")
    return app


def _after_disconnect(module, probe, request):
    app = _app_of(module)
    _serve(app, "GET", probe.get("first", "/"), chunks=1)
    return _serve(app, request.get("method", "GET"), request.get("path", "/"))


def _first_chunk(module, probe, request):
    return _serve(_app_of(module), request.get("method", "GET"), request.get("path", "/"), chunks=1)


def _log(module, probe, request):
    errors = io.StringIO()
    answer = _serve(_app_of(module), request.get("method", "GET"), request.get("path", "/"), errors=errors)
    return {**answer, "body": errors.getvalue()}


def _pool(module, probe, request):
    import os
    from concurrency.api import run_pool  # the pre-fork pool in virtual time
    count, workers = probe.get("requests", 12), probe.get("workers", 3)
    one = {"at": 0, "method": request.get("method", "GET"), "path": request.get("path", "/"),
           "headers": list((request.get("headers") or {}).items()), "body": request.get("body", "")}
    folder, name = os.path.split(module.__file__)
    result = run_pool({"requests": [dict(one) for _ in range(count)]}, folder,
                      f"{name[:-3]}:app", workers=workers)
    if result.get("error"):
        return _nothing(f"the pool could not serve: {result['error']['message']}")
    records = result["requests"]
    def broken(rec):
        return [v["message"] for v in rec.get("violations") or []] + \
            ([rec["error"]["message"]] if rec.get("error") else []) + \
            ([f"the request ended {rec['outcome']}"] if rec.get("outcome") != "complete" else [])
    # Every copy must get the first one's answer: a worker whose module state differs shows up here.
    failed = [(i, rec) for i, rec in enumerate(records) if broken(rec) or rec.get("status") != records[0].get("status")
              or rec.get("body_preview") != records[0].get("body_preview")]
    i, rec = failed[0] if failed else (0, records[0])
    problems = [f"request {i + 1} of {count} on {workers} workers: {p}" for p in broken(rec)]
    return {"status": rec.get("status"), "headers": [tuple(h) for h in rec.get("headers") or []],
            "body": rec.get("body_preview", ""), "problems": problems}


PROBES = {"server_loop": _server_loop, "after_disconnect": _after_disconnect, "first_chunk": _first_chunk,
          "log": _log, "pool": _pool}


def _nothing(why, problems=()):
    return {"status": None, "headers": [], "body": "", "problems": [*problems, why], "note": why}


def run_probe(path, probe, request):
    """Run one probe check on the reader's file at `path`; returns an answer dict (never raises)."""
    # wsgiref.validate complains on stderr when a body is collected unclosed; the answer says it better.
    with contextlib.redirect_stderr(io.StringIO()):
        answer = _run_probe(path, probe, request)
        gc.collect()
    return answer


def _run_probe(path, probe, request):
    try:
        module = load_module(path)
    except BaseException as exc:  # the reader's module may raise anything while importing
        if isinstance(exc, KeyboardInterrupt):
            raise
        return _nothing(f"the file could not be loaded: {_error_line(exc)}")
    try:
        return PROBES[probe["kind"]](module, probe, request)
    except KeyboardInterrupt:
        raise
    except Exception as exc:
        return _nothing(f"the app raised {_error_line(exc)}")


def run_probes(path, checks):
    """Answers for a list of {probe, request} checks, in order."""
    return [run_probe(path, c["probe"], c.get("request", {})) for c in checks]
