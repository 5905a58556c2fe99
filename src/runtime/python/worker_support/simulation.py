"""A concurrency simulation for the browser worker: the reader's workspace under load, in virtual time.

The simulation itself (concurrency.api.run_spec) captures what the reader's code prints, per request
and per worker boot. What is left for this module: serve the reader's own folder and nothing else,
catch a stop (KeyboardInterrupt) or a limit, and put the interpreter back as it was.
"""
import json
import sys

from wsgisim.loader import purge

from .isolation import RunState
from .notices import classify
from .output import OutputSink
from .script import describe_exception

SERVERS = ("pool", "loop")


def run_simulation(spec_json, settings_json, app_dir, forward):
    """Run `spec_json` (run_spec's spec without app_dir) on the files in `app_dir`; the result as JSON text."""
    settings = json.loads(settings_json)
    spec = json.loads(spec_json)
    sink = OutputSink(forward, settings["outputLimit"])
    state = RunState()
    simulation = exception = notice = None
    try:
        # Output printed outside any request or import (rare) still reaches the page, capped.
        sys.stdout, sys.stderr = sink.stream("stdout"), sink.stream("stderr")
        from concurrency.api import run_spec
        for name in SERVERS:
            if isinstance(spec.get(name), dict):
                # Always the reader's folder: a spec from the page cannot point the server elsewhere.
                spec[name] = {**spec[name], "app_dir": app_dir}
        simulation = run_spec(spec)
    except BaseException as exc:  # KeyboardInterrupt from a stop, a limit, or a malformed spec
        exception = describe_exception(exc, app_dir)
        found = classify(exception["type"], exception["message"])
        if found is not None:
            notice = {"kind": found[0], "message": found[1], "restarted": False}
    finally:
        purge(app_dir)  # every worker's copy of the reader's modules goes now, not at the next run
        state.restore()
        sink.flush()
    if sink.exceeded:
        notice = {"kind": "output-limit", "message": sink.limit_message(), "restarted": False}
    result = {"server": None, "exception": exception, "notice": notice,
              "stdout": sink.text("stdout"), "stderr": sink.text("stderr")}
    if simulation is not None:
        result["simulation"] = simulation
    return json.dumps(result, default=repr)
