"""One run of runtime Python on the reader's files, as the browser worker does every run that is not a
single request or script (a simulation, an exercise's checks): output captured and capped, a stop
(KeyboardInterrupt) or a limit caught and told in words, the interpreter put back as it was."""
import json
import sys

from wsgisim.loader import purge

from .isolation import RunState
from .notices import classify
from .output import OutputSink
from .script import describe_exception


def run_guarded(work, settings_json, app_dir, forward, key):
    """Call `work(sink)` on the files in `app_dir`; the run's result as JSON text, what `work` returned
    under `key` (absent when it was stopped or failed)."""
    settings = json.loads(settings_json)
    sink = OutputSink(forward, settings["outputLimit"])
    state = RunState()
    answer = exception = notice = None
    try:
        # Output printed outside any request or import (rare) still reaches the page, capped.
        sys.stdout, sys.stderr = sink.stream("stdout"), sink.stream("stderr")
        answer = work(sink)
    except BaseException as exc:  # KeyboardInterrupt from a stop, a limit, or malformed input
        exception = describe_exception(exc, app_dir)
        found = classify(exception["type"], exception["message"])
        if found is not None:
            notice = {"kind": found[0], "message": found[1], "restarted": False}
    finally:
        purge(app_dir)  # every copy of the reader's modules goes now, not at the next run
        state.restore()
        sink.flush()
    if sink.exceeded:
        notice = {"kind": "output-limit", "message": sink.limit_message(), "restarted": False}
    result = {"server": None, "exception": exception, "notice": notice,
              "stdout": sink.text("stdout"), "stderr": sink.text("stderr")}
    if answer is not None:
        result[key] = answer
    return json.dumps(result, default=repr)
