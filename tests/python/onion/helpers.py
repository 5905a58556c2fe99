"""Run a fixture stack through the core and read its onion: summaries and a compact step list."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src" / "runtime" / "python"))
STACKS = str(ROOT / "tests" / "python" / "onion" / "stacks")
MODES = ("reference", "wsgiref", "gunicorn", "waitress")

from wsgisim.api import run_request  # noqa: E402


def run(spec, target="/", headers="", mode="reference", trace=True):
    """Serve GET `target` with the stack `spec` ("module:callable") from the stacks folder."""
    raw = ("GET %s HTTP/1.1\r\nHost: localhost\r\n%s\r\n" % (target, headers)).encode("latin-1")
    return run_request(raw, app_dir=STACKS, app_spec=spec, mode=mode, trace=trace)


def summaries(result):
    """The layer_summary events, by visit id."""
    return [e for e in result["events"] if e["type"] == "layer_summary"]


def steps(result):
    """The layer events as short tuples, in order, named by layer."""
    names = {e["layer"]: e["name"] for e in result["events"] if e["type"] == "layer_enter"}
    out = []
    for e in result["events"]:
        kind, who = e["type"], names.get(e.get("layer"))
        if kind == "layer_enter":
            out.append(("enter", who))
        elif kind == "layer_call_inward":
            out.append(("inward", who, names[e["to"]]))
        elif kind == "layer_start_response":
            out.append(("start_response", who, e["status"],
                        "server" if e["to"] is None else names[e["to"]]))
        elif kind == "layer_return":
            out.append(("raised" if e["raised"] else "return", who))
        elif kind == "layer_body":
            out.append(("chunk", who, e["preview"]))
        elif kind == "layer_close":
            out.append(("close", who))
    return out
