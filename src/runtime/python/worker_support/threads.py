"""Threads cannot start in Pyodide; say so plainly instead of "can't start new thread"."""
import threading

MESSAGE = ("Threads are not available in the browser's Python: Pyodide runs in a single Web Worker "
           "thread, so threading.Thread(...).start() cannot start a new thread. Do the work without a "
           "thread here, or run this code with CPython on your machine (python3 app.py).")


class ThreadsUnavailable(RuntimeError):
    """Raised by Thread.start() in the browser."""


def _refuse_start(self, *args, **kwargs):
    raise ThreadsUnavailable(MESSAGE)


def install():
    """Make every Thread.start() (also ThreadPoolExecutor's, threading.Timer's) raise ThreadsUnavailable."""
    threading.Thread.start = _refuse_start
