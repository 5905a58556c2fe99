"""Per-request result records, shared by the pool and the loop, and how they become JSON."""

import os
import traceback

from .metrics import r6

PREVIEW_CHARS = 200
OUTPUT_CHARS = 2000
_OWN_DIR = os.path.dirname(os.path.abspath(__file__))


def new_record(request):
    """A record for a request that has arrived: times in virtual seconds, filled in as it runs."""
    return {
        "id": request["id"], "method": request["method"], "path": request["path"],
        "at": request["at"], "start": None, "end": None,
        "outcome": "unfinished", "status": None, "body": b"",
        "segments": [], "violations": [], "warnings": [], "error": None, "stdout": "",
    }


def preview(data):
    """Body bytes as text for a person to read: the first PREVIEW_CHARS characters."""
    text = data.decode("utf-8", "replace")
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def clip_output(text):
    """Captured print() output, clipped so a print in a hot path cannot flood the result."""
    return text if len(text) <= OUTPUT_CHARS else text[:OUTPUT_CHARS] + "\n… (output clipped)"


def error_from(exc, kind="app_exception", app_dir=None):
    """An error record for an exception: message, the reader's frames of the traceback, line.

    Frames from the reader's folder are shown with paths relative to it; the simulator's and
    the standard library's frames are left out (they differ between CPython and Pyodide, and
    the reader cannot change them) unless there are no frames of the reader's at all.
    """
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not os.path.abspath(f.filename).startswith(_OWN_DIR + os.sep)]
    root = os.path.realpath(app_dir) + os.sep if app_dir else None
    mine = [f for f in frames if root and os.path.realpath(f.filename).startswith(root)]
    for f in mine:
        f.filename = os.path.realpath(f.filename)[len(root):]
    shown = mine or frames
    message = "".join(traceback.format_exception_only(type(exc), exc))
    text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(shown)) + message
    last = shown[-1] if shown else None
    return {"kind": kind, "message": message.strip(), "traceback": text,
            "line": last.lineno if last else None,
            "file": os.path.basename(last.filename) if last else None}


def segment_json(segment):
    """A timeline segment with rounded times (a blocking or awaiting call inside a request)."""
    out = dict(segment)
    out["start"], out["end"] = r6(segment["start"]), r6(segment["end"])
    return out


def record_json(rec, extra=()):
    """The JSON form of a record: rounded times, wait and latency, a body preview instead of bytes."""
    out = {
        "id": rec["id"], "method": rec["method"], "path": rec["path"],
        "at": r6(rec["at"]), "start": r6(rec["start"]), "end": r6(rec["end"]),
        "wait": r6(rec["start"] - rec["at"]) if rec["start"] is not None else None,
        "latency": r6(rec["end"] - rec["at"]) if rec["outcome"] == "complete" else None,
        "outcome": rec["outcome"], "status": rec["status"],
        "body_bytes": len(rec["body"]), "body_preview": preview(rec["body"]),
        "segments": [segment_json(s) for s in rec["segments"]],
        "violations": rec["violations"], "warnings": rec["warnings"],
        "error": rec["error"], "stdout": clip_output(rec["stdout"]),
    }
    for key in extra:
        out[key] = rec.get(key)
    return out
