"""The trace: ordered, timestamped, JSON-able events describing one request's journey.

Every event is a dict with "type" and "t" (milliseconds since the request started). An optional
"layer" key is reserved for per-middleware events (the onion): events without it belong to
the server itself, so adding layer events later changes no existing event.
"""
import time

PREVIEW_BYTES = 64


def preview(data, limit=PREVIEW_BYTES):
    """A short printable preview of bytes (or a repr of whatever the app passed instead)."""
    if isinstance(data, (bytes, bytearray)):
        text = bytes(data[:limit]).decode("latin-1")
        return text + ("…" if len(data) > limit else "")
    return repr(data)[:limit]


class Trace:
    """Collects events; when disabled it records nothing but still answers `now()`."""

    def __init__(self, enabled=True):
        self.enabled = enabled
        self.events = []
        self.start = time.perf_counter()

    def now(self):
        """Milliseconds since the start of the request."""
        return round((time.perf_counter() - self.start) * 1000, 3)

    def emit(self, type_, layer=None, **fields):
        """Record one event; `layer` is set only by middleware-layer tracing."""
        if not self.enabled:
            return
        event = {"type": type_, "t": self.now()}
        if layer is not None:
            event["layer"] = layer
        event.update(fields)
        self.events.append(event)
