"""Load the reader's callable ("module:callable") inside one worker's own module namespace.

The importing itself is the server core's (gunicorn's rules and error messages); this adds
the namespace, so each simulated worker process has its own copy of the reader's modules.
"""

import contextlib
import io

from wsgisim import loader

from .worker_modules import WorkerModules


class AppLoadError(Exception):
    """The app could not be imported; `.error` is an error record of kind "app_load"."""

    def __init__(self, error):
        super().__init__(error["message"])
        self.error = error


def load_app(app_dir, app_spec):
    """Import the app in a fresh namespace; returns (callable, WorkerModules, printed output).

    Raises AppLoadError. What the module prints while importing is captured, never let
    through to the host's stdout (where the command line writes its JSON).
    """
    modules = WorkerModules(app_dir)
    output = io.StringIO()
    with modules, contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            app = loader.load_app(app_dir, app_spec)
        except loader.AppLoadError as exc:
            raise AppLoadError({"kind": "app_load", "message": exc.message, "traceback": exc.traceback,
                                "line": exc.line, "file": exc.file}) from None
    return app, modules, output.getvalue()
