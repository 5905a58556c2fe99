"""The middleware onion: every layer of the reader's stack, found and traced without
annotations in their code.

A layer is any Python callable called, while the server is calling the app or iterating its body,
with a WSGI environ (a dict carrying "wsgi.version") and a start_response callable. `start()` watches
calls with sys.setprofile (observing only: no argument is replaced, nothing is iterated or called);
`Recorder.stop()` adds one `layer_summary` event per layer. Event shapes: ../../README.md and events.md.
"""
import sys

from .recorder import Recorder


def start(trace, app_dir):
    """Begin recording layers into `trace` (None when tracing is off: then nothing is watched)."""
    if not trace.enabled or sys.getprofile() is not None:
        return None  # never displace a profiler or coverage tool the reader (or a test) runs
    recorder = Recorder(trace, app_dir)
    recorder.install()
    return recorder
