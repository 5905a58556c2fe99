"""Compare simulator bytes with real-server bytes: exact (after Date) for personalities, and
component by component for the reference mode where all three servers agree."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src" / "runtime" / "python"))
from wsgisim.wire import read_response  # noqa: E402

DATE_RE = re.compile(rb"(\r\nDate: )[^\r\n]*")
SERVER_MANAGED = {"date", "server", "connection", "transfer-encoding", "content-length", "via"}


def normalise(data):
    """The response with every Date header value replaced by a placeholder."""
    return DATE_RE.sub(rb"\1<date>", data)


def components(data, closed, head=False):
    """The parts of a response a client cares about: status, app headers, body, completeness.
    `head`: the request was HEAD, so the response is whole once its header section is."""
    status, headers, body, complete = read_response(data, head=head)
    app_headers = sorted((n.lower(), v) for n, v in headers if n.lower() not in SERVER_MANAGED)
    found = {"status": status, "app_headers": app_headers, "body": body,
             "outcome": "complete" if data and complete else "cut"}
    found.update(("environ " + k, v) for k, v in dump_keys(body).items())
    return found


def dump_keys(body):
    """The environ the dispatcher app dumped ({key: repr}), {} when the body is not a dump."""
    if not body.endswith(b"\n") or b"\nbody=" not in b"\n" + body:
        return {}
    lines = body.decode("utf-8", "replace").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def agreed(real, head=False):
    """Components on which every real server agrees: {name: value}."""
    parts = [components(r["response"], r["closed"], head) for r in real.values()]
    keys = set().union(*parts)
    same = {k: parts[0].get(k) for k in keys if all(p.get(k) == parts[0].get(k) for p in parts[1:])}
    same = {k: v for k, v in same.items() if v is not None}
    if "status" not in same:  # headers and body of different statuses agree only by chance
        same = {k: v for k, v in same.items() if k in ("status", "outcome")}
    return same


def mismatch(expected, actual):
    """'' when equal, else a short description of the first differing line."""
    if expected == actual:
        return ""
    a, b = expected.split(b"\r\n"), actual.split(b"\r\n")
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "line %d: real %r, simulator %r" % (i, x[:120], y[:120])
    return "length: real %d lines, simulator %d lines" % (len(a), len(b))
