"""Load the reader's callable from "module:callable" inside one worker's module namespace."""

import importlib

from .records import error_from
from .worker_modules import WorkerModules


class AppLoadError(Exception):
    """The app could not be imported; `.error` is an error record of kind "app_load"."""

    def __init__(self, error):
        super().__init__(error["message"])
        self.error = error


def split_spec(app_spec):
    """("module", "callable") from gunicorn-style "module:callable" (callable defaults to "application")."""
    module, _, name = app_spec.partition(":")
    return module.strip(), (name.strip() or "application")


def load_app(app_dir, app_spec):
    """Import the app in a fresh namespace; returns (callable, WorkerModules). Raises AppLoadError."""
    modules = WorkerModules(app_dir)
    module_name, name = split_spec(app_spec)
    importlib.invalidate_caches()   # the reader may have just edited the files
    with modules:
        try:
            module = importlib.import_module(module_name)
        except BaseException as exc:
            if not isinstance(exc, Exception) and not _is_exit(exc):
                raise
            raise AppLoadError(error_from(exc, "app_load", app_dir)) from None
    app = getattr(module, name, None)
    if app is None:
        # gunicorn's words for the same mistake.
        raise AppLoadError({"kind": "app_load", "message": f"Failed to find attribute '{name}' in '{module_name}'.",
                            "traceback": "", "line": None, "file": None})
    if not callable(app):
        raise AppLoadError({"kind": "app_load", "message": f"Application object must be callable: "
                            f"'{name}' in '{module_name}' is {type(app).__name__}.",
                            "traceback": "", "line": None, "file": None})
    return app, modules


def _is_exit(exc):
    return isinstance(exc, SystemExit)
