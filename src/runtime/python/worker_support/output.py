"""Captured output of one run: kept for the result, streamed live in batches, and capped."""
import io
import time


class OutputLimitExceeded(Exception):
    """Raised inside the reader's print() once the run has printed more than the limit."""


class OutputSink:
    """Collects stdout/stderr text, forwards it in batches to `forward(stream, text)`, enforces `limit`.

    Batching matters: a print flood would otherwise post one message per print() and flood the page.
    """

    FLUSH_CHARS = 8192
    FLUSH_SECONDS = 0.05

    def __init__(self, forward=None, limit=1_000_000):
        self.forward = forward
        self.limit = limit
        self.used = 0
        self.exceeded = False
        self.kept = {"stdout": [], "stderr": []}
        self._pending = []  # (stream, text) not yet forwarded
        self._pending_chars = 0
        self._last_flush = time.monotonic()

    def write(self, stream, text):
        """Record `text` on `stream`; raise OutputLimitExceeded once, when the limit is passed.

        Later writes are dropped without raising: the server's own log writes come through here too,
        and raising inside the server while it reports the reader's error would hide that error.
        """
        if self.exceeded:
            return
        room = self.limit - self.used
        piece = text if len(text) <= room else text[:room]
        self.used += len(piece)
        self.kept[stream].append(piece)
        self._queue(stream, piece)
        if len(piece) < len(text):
            self.exceeded = True
            self.flush()
            raise OutputLimitExceeded(self.limit_message())

    def limit_message(self):
        return (f"Output limit: the run printed more than {self.limit:,} characters, so the rest was "
                "dropped and the run was stopped. Print less (or only a summary) inside loops.")

    def _queue(self, stream, text):
        if not text:
            return
        if self._pending and self._pending[-1][0] == stream:
            self._pending[-1] = (stream, self._pending[-1][1] + text)
        else:
            self._pending.append((stream, text))
        self._pending_chars += len(text)
        now = time.monotonic()
        if self._pending_chars >= self.FLUSH_CHARS or now - self._last_flush >= self.FLUSH_SECONDS:
            self.flush()

    def flush(self):
        """Forward everything pending now (called at batch boundaries and when the run ends)."""
        pending, self._pending, self._pending_chars = self._pending, [], 0
        self._last_flush = time.monotonic()
        if self.forward is not None:
            for stream, text in pending:
                self.forward(stream, text)

    def text(self, stream):
        """All text kept for `stream` (at most the limit in total)."""
        return "".join(self.kept[stream])

    def stream(self, name):
        """A file object for sys.stdout / sys.stderr that writes into this sink."""
        return _SinkStream(self, name)


class _SinkStream(io.TextIOBase):
    def __init__(self, sink, name):
        self._sink = sink
        self._name = name

    def writable(self):
        return True

    def write(self, text):
        self._sink.write(self._name, str(text))
        return len(text)

    def flush(self):
        pass
