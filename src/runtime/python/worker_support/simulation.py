"""A concurrency simulation for the browser worker: the reader's workspace under load, in virtual time.

The simulation itself (concurrency.api.run_spec) captures what the reader's code prints, per request
and per worker boot. What is left for this module: serve the reader's own folder and nothing else;
guarded.py catches a stop or a limit and puts the interpreter back as it was.
"""
import json

from .guarded import run_guarded

SERVERS = ("pool", "loop")


def run_simulation(spec_json, settings_json, app_dir, forward):
    """Run `spec_json` (run_spec's spec without app_dir) on the files in `app_dir`; the result as JSON text."""
    def work(sink):
        from concurrency.api import run_spec
        spec = json.loads(spec_json)
        for name in SERVERS:
            if isinstance(spec.get(name), dict):
                # Always the reader's folder: a spec from the page cannot point the server elsewhere.
                spec[name] = {**spec[name], "app_dir": app_dir}
        return run_spec(spec)
    return run_guarded(work, settings_json, app_dir, forward, "simulation")
