"""Serving one request to an already-loaded WSGI app through the server core (wsgisim).

The core's run_request(raw, app_dir=..., app_spec=...) imports the app itself. A pool
worker must keep its own app (and so its globals) from request to request, so the
core is pointed at a module outside the reader's folder whose `app` attribute is the
worker's callable: the core's loader finds it in sys.modules and the response is the
core's, byte for byte.

Cost of going through run_request: the core forgets the reader's modules before every request
(~40 % of the pool's time in Pyodide), and a module the app imports lazily inside a handler is
imported afresh each request instead of once per worker. An entry in the core that takes an
already-loaded callable would remove both; switch to it here when there is one.
"""

import sys
import types

from wsgisim.api import run_request

from .workload import raw_request

_SHIM = "_concurrency_worker_app"


def serve_wsgi(mode="reference"):
    """A function (app, app_dir, request) -> partial request record, served in `mode`."""
    shim = sys.modules.get(_SHIM) or types.ModuleType(_SHIM)
    shim.__doc__ = "The callable of the pool worker being served (set per request)."
    sys.modules[_SHIM] = shim

    def serve(app, app_dir, request):
        shim.app = app
        try:
            result = run_request(raw_request(request), app_dir=app_dir, app_spec=_SHIM + ":app",
                                 mode=mode, trace=False)
        finally:
            shim.app = None
        return {
            "outcome": result["outcome"],
            "status": result["status"],
            "headers": result["headers"],
            "body": result["body"] or b"",
            "violations": result["violations"],
            "error": result["error"],
            "stdout": result["stdout"] + result["stderr"],
            "log": result["log"],
        }
    return serve
