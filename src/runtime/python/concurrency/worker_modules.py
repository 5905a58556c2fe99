"""Per-worker module namespaces: each simulated worker process has its own copy of the reader's modules.

In a pre-fork server every worker imports the app itself, so a module-level counter
counts per worker. Here all workers share one interpreter, so each keeps the modules
loaded from the reader's folder in its own dict, and they are swapped into
`sys.modules` while that worker runs.
"""

import os
import sys


class WorkerModules:
    """The reader's modules as one worker sees them; `with modules:` makes them current."""

    def __init__(self, app_dir):
        self.app_dir = os.path.realpath(app_dir)
        self.modules = {}
        self._known = {}        # name -> (module, is it ours): realpath is too slow to redo per request
        self._names = set()     # sys.modules names at __enter__: new ones are checked at __exit__

    def _ours(self, name, module):
        known = self._known.get(name)
        if known is not None and known[0] is module:
            return known[1]
        ours = self._under_app_dir(module)
        self._known[name] = (module, ours)
        return ours

    def _under_app_dir(self, module):
        path = getattr(module, "__file__", None) or ""
        if not path:
            # A namespace package has no __file__; its __path__ tells where it lives.
            path = next(iter(getattr(module, "__path__", None) or []), "")
        return bool(path) and os.path.realpath(path).startswith(self.app_dir + os.sep)

    def _from_app_dir(self):
        return {name: m for name, m in list(sys.modules.items()) if self._ours(name, m)}

    # len(sys.modules) when the last worker left: unchanged means no reader module is loaded.
    _clean_size = None

    def __enter__(self):
        if len(sys.modules) != WorkerModules._clean_size:
            for name in self._from_app_dir():
                del sys.modules[name]
        sys.modules.update(self.modules)
        self._names = set(sys.modules)
        # The reader's folder comes first, as it does for `gunicorn app:app` run from it.
        if sys.path[:1] != [self.app_dir]:
            sys.path.insert(0, self.app_dir)
        return self

    def __exit__(self, *exc):
        # Keep what this worker imported (also lazily, inside a request), then hide it again.
        # Merge, don't replace: the server core forgets the reader's modules before each
        # request, but this worker's app still holds them (its process would, too).
        for name in set(sys.modules) - self._names:
            module = sys.modules[name]
            if self._ours(name, module):
                self.modules[name] = module
        for name in self.modules:
            sys.modules.pop(name, None)
        WorkerModules._clean_size = len(sys.modules)
        if sys.path[:1] == [self.app_dir]:
            del sys.path[0]
        return False
