"""An exercise's checks for the browser worker: served and judged by exercise_checks.run_checks on the
reader's files, with the same output capture, stop and clean-up as every other run (guarded.py)."""
import json

from .guarded import run_guarded


def run_checks(kind, checks_json, settings_json, app_dir, forward):
    """Run `checks_json` (a list of checks.yaml checks) of a `kind` ("wsgi" or "asgi") exercise on the
    files in `app_dir`; the run's result as JSON text, the outcomes in "checks"."""
    app_spec = json.loads(settings_json)["appSpec"]

    def work(sink):
        from exercise_checks import run_checks as judge
        return judge(kind, json.loads(checks_json), app_dir, app_spec, on_output=sink.write)
    return run_guarded(work, settings_json, app_dir, forward, "checks")
