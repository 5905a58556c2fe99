"""Load the reader's app the way gunicorn does ("module:callable"), from a clean namespace.

Every module whose file lives in app_dir is dropped from sys.modules first, so each run imports the
files as they are now and no state leaks from one run to the next.
"""
import ast
import hashlib
import importlib
import importlib.machinery
import os
import sys
import traceback


class AppLoadError(Exception):
    """The app could not be loaded; the message is the one gunicorn would print."""

    def __init__(self, message, tb="", file=None, line=None):
        super().__init__(message)
        self.message, self.traceback, self.file, self.line = message, tb, file, line


class _CachingLoader(importlib.machinery.SourceFileLoader):
    """Compiles each distinct source text once: the module still runs afresh on every import
    (a clean namespace), but an unchanged file is not compiled again (no .pyc is written)."""

    _codes = {}

    def source_to_code(self, data, path, *, _optimize=-1):
        key = (path, hashlib.sha1(data).digest())
        code = self._codes.get(key)
        if code is None:
            if len(self._codes) > 512:
                self._codes.clear()
            code = self._codes[key] = super().source_to_code(data, path)
        return code


def _use_caching_finder(app_dir):
    """Import the top-level modules of app_dir through _CachingLoader."""
    finder = sys.path_importer_cache.get(app_dir)
    if not (isinstance(finder, importlib.machinery.FileFinder)
            and getattr(finder, "_wsgisim", False)):
        finder = importlib.machinery.FileFinder(
            app_dir, (_CachingLoader, importlib.machinery.SOURCE_SUFFIXES))
        finder._wsgisim = True
        sys.path_importer_cache[app_dir] = finder


# Every folder an app was loaded from: a module from another app's folder (an "app" module from
# a previous batch case, say) must not stand in for this app's module of the same name.
_APP_DIRS = set()


# name -> (module, its file is in an app folder): modules outside app folders (the standard library,
# the core) are checked once, not on every request.
_VERDICTS = {}


def purge(app_dir):
    """Forget every module loaded from app_dir or an earlier app's folder; invalidate caches."""
    root = os.path.abspath(app_dir) + os.sep
    if root not in _APP_DIRS:
        _APP_DIRS.add(root)
        _VERDICTS.clear()
    roots = tuple(_APP_DIRS)
    for name, module in list(sys.modules.items()):
        seen = _VERDICTS.get(name)
        if seen is None or seen[0] is not module:
            path = getattr(module, "__file__", None)
            mine = bool(path) and os.path.abspath(path).startswith(roots) \
                and name.split(".")[0] != "wsgisim"
            seen = _VERDICTS[name] = (module, mine)
        if seen[1]:
            del sys.modules[name]
            del _VERDICTS[name]
    importlib.invalidate_caches()


def split_spec(app_spec):
    """("module", "callable") from gunicorn-style "module:callable"; the default is "application"."""
    module, _, attr = app_spec.partition(":")
    return module.strip(), (attr.strip() or "application")


def load_app(app_dir, app_spec):
    """Import the module named in app_spec from app_dir and return its WSGI callable."""
    module_name, attr = split_spec(app_spec)
    purge(app_dir)
    _use_caching_finder(app_dir)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name or module_name.startswith(str(exc.name) + "."):
            raise AppLoadError("No module named '%s' (looked in %s for %s.py)"
                               % (module_name, app_dir, module_name.replace(".", "/"))) from None
        raise _from_exception(exc, app_dir) from None
    except Exception as exc:  # SyntaxError, NameError... in the reader's module
        raise _from_exception(exc, app_dir) from None
    try:
        expression = ast.parse(attr, mode="eval").body
    except SyntaxError:
        raise AppLoadError("Failed to parse %r as an attribute name or function call." % attr)
    if isinstance(expression, ast.Name):
        if not hasattr(module, attr):
            raise AppLoadError("Failed to find attribute %r in %r." % (attr, module_name))
        app = getattr(module, attr)
    elif isinstance(expression, ast.Call) and isinstance(expression.func, ast.Name) \
            and all(isinstance(a, ast.Constant) for a in expression.args) and not expression.keywords:
        # gunicorn 20.1 also accepts a factory call with literal arguments: "app:create_app()".
        name = expression.func.id
        if not hasattr(module, name):
            raise AppLoadError("Failed to find attribute %r in %r." % (name, module_name))
        try:
            app = getattr(module, name)(*[a.value for a in expression.args])
        except Exception as exc:
            raise _from_exception(exc, app_dir) from None
    else:
        raise AppLoadError("Failed to parse %r as an attribute name or function call." % attr)
    if not callable(app):
        raise AppLoadError("Application object must be callable.")
    return app


def _from_exception(exc, app_dir):
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    root = os.path.abspath(app_dir) + os.sep
    file = line = None
    if isinstance(exc, SyntaxError) and exc.filename:
        file, line = exc.filename, exc.lineno
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if os.path.abspath(f.filename).startswith(root)]
        if frames:
            file, line = frames[-1].filename, frames[-1].lineno
    if file and os.path.abspath(file).startswith(root):
        file = os.path.relpath(file, root)
    return AppLoadError("%s: %s" % (type(exc).__name__, exc), text, file, line)
