"""Run one of the reader's files as a script (`python3 app.py`), with its output captured."""
import os
import runpy
import sys
import traceback

from concurrency.script_loop import asyncio_run_on_virtual_time
from wsgisim.loader import purge as purge_app_modules


def _in_app(filename, app_dir):
    # Not abspath(): "<frozen runpy>" would become a path inside the app folder (the cwd of a run).
    return os.path.isabs(filename) and filename.startswith(os.path.join(os.path.abspath(app_dir), ""))


def _reader_frames(tb, app_dir):
    """The traceback from the first frame in the reader's files on (the runtime's own frames hidden)."""
    while tb is not None and not _in_app(tb.tb_frame.f_code.co_filename, app_dir):
        tb = tb.tb_next
    return tb


# Called (with no arguments) as soon as a KeyboardInterrupt is caught, before the slow formatting:
# the page then knows the interrupt worked and waits for the result instead of killing the worker.
on_interrupt = None


def describe_exception(exc, app_dir):
    """The exception as a dict: type, message, traceback text, and the reader's file and line."""
    if isinstance(exc, KeyboardInterrupt) and on_interrupt is not None:
        on_interrupt()
    # No frame of the reader's (a SyntaxError, a failure in the runtime): keep the whole traceback.
    tb = _reader_frames(exc.__traceback__, app_dir) or exc.__traceback__
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    file = line = None
    for frame, lineno in traceback.walk_tb(tb):
        if _in_app(frame.f_code.co_filename, app_dir):
            file, line = os.path.relpath(frame.f_code.co_filename, app_dir), lineno
    if isinstance(exc, SyntaxError) and exc.filename:
        file, line = os.path.relpath(exc.filename, app_dir), exc.lineno
    return {"type": type(exc).__name__, "message": str(exc), "traceback": text, "line": line, "file": file}


def run_script(app_dir, path, sink):
    """Run `path` (relative to app_dir) as __main__ with stdout/stderr going to `sink`; the exception or None."""
    purge_app_modules(app_dir)
    sys.path.insert(0, app_dir)
    os.chdir(app_dir)
    sys.stdout, sys.stderr = sink.stream("stdout"), sink.stream("stderr")
    try:
        with asyncio_run_on_virtual_time():  # Pyodide's own loop cannot be run from a script
            runpy.run_path(os.path.join(app_dir, path), run_name="__main__")
        return None
    except SystemExit as exc:
        if exc.code not in (None, 0):
            sink.write("stderr", f"{exc.code}\n" if not isinstance(exc.code, int) else "")
        return None if exc.code in (None, 0) else describe_exception(exc, app_dir)
    except BaseException as exc:  # KeyboardInterrupt included: the stop is reported, not raised
        return describe_exception(exc, app_dir)
    finally:
        purge_app_modules(app_dir)
