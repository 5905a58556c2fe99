"""What one run may change in the interpreter, and how it is put back before the next run.

The server core purges the reader's modules itself; this covers the rest a reader's code can leave
behind: sys.path, the working directory, os.environ, the recursion limit, the std streams, and
asyncio tasks still scheduled on the browser's event loop (they would keep running between runs).
"""
import os
import sys


class RunState:
    """A snapshot of process-wide state taken before a run and restored after it."""

    def __init__(self):
        self.path = list(sys.path)
        self.cwd = os.getcwd()
        self.environ = dict(os.environ)
        self.recursion_limit = sys.getrecursionlimit()
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        self.main = sys.modules.get("__main__")
        self.loop = _current_loop()

    def restore(self):
        """Put back everything captured; cancel asyncio tasks the run left pending."""
        sys.path[:] = self.path
        try:
            os.chdir(self.cwd)
        except OSError:
            pass
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        sys.setrecursionlimit(self.recursion_limit)
        sys.stdin, sys.stdout, sys.stderr = self.streams
        if self.main is not None:
            sys.modules["__main__"] = self.main
        _cancel_leftover_tasks(self.loop)


def _current_loop():
    if "asyncio" not in sys.modules:
        return None
    import asyncio
    try:
        return asyncio.get_event_loop_policy().get_event_loop()
    except Exception:
        return None


def _cancel_leftover_tasks(original_loop):
    """Cancel tasks on the loop the reader may have used, and give back the original loop."""
    if "asyncio" not in sys.modules:
        return
    import asyncio
    loops = {id(l): l for l in (original_loop, _current_loop()) if l is not None}
    for loop in loops.values():
        try:
            tasks = asyncio.all_tasks(loop)
        except Exception:
            continue
        for task in tasks:
            task.cancel()
    if original_loop is not None:
        try:
            asyncio.set_event_loop(original_loop)
        except Exception:
            pass
