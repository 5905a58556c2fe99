"""wsgi.input, wsgi.errors and the server log (PEP 3333 "Input and Error Streams")."""
import io


class ClientStalled(BaseException):
    """The server waits for bytes the client never sends: the client keeps the connection open but
    the request is unfinished (`waiting_for` says what is missing), or the app reads body bytes the
    client declared but never sent.

    A BaseException, so an app's `except Exception` cannot swallow it: on a real server the read
    simply blocks until the server gives up, and nothing the app does can change that.
    """

    def __init__(self, message, waiting_for=None):
        super().__init__(message)
        self.waiting_for = waiting_for


class InputStream:
    """wsgi.input: the request body, never read past its end (CONTENT_LENGTH or the decoded chunks).

    `on_first_read` lets a server answer `Expect: 100-continue` when the app first asks for the body.
    `missing` is how many declared bytes never arrived (-1: unknown, the server reads the socket
    itself): a read that needs them stalls.
    """

    def __init__(self, data, trace, on_first_read=None, missing=0):
        self._buf = io.BytesIO(data)
        self._size = len(data)
        self._trace = trace
        self._on_first_read = on_first_read
        self._missing = missing

    def __repr__(self):
        return "<wsgi.input: %d body bytes>" % self._size

    def _stall_if_short(self, size, line=False):
        if not self._missing:
            return
        left = self._size - self._buf.tell()
        if line:
            rest = self._buf.getvalue()[self._buf.tell():]
            short = b"\n" not in rest and (size is None or size < 0 or size > left)
        else:
            short = size is None or size < 0 or size > left
        if short:
            self._trace.emit("input_stalled", missing=self._missing)
            raise ClientStalled("wsgi.input waits for %s the client never sent"
                                % ("more body bytes" if self._missing < 0 else "%d more body bytes" % self._missing))

    def _note(self, method, data):
        if self._on_first_read is not None:
            callback, self._on_first_read = self._on_first_read, None
            callback()
        self._trace.emit("input_read", method=method, size=len(data))
        return data

    def read(self, size=-1):
        """Read up to `size` bytes (all that is left when size is -1 or None)."""
        self._stall_if_short(size)
        return self._note("read", self._buf.read(-1 if size is None else size))

    def readline(self, size=-1):
        """Read one line (PEP 3333 lets servers ignore size; honouring it is safer)."""
        self._stall_if_short(size, line=True)
        return self._note("readline", self._buf.readline(-1 if size is None else size))

    def readlines(self, hint=-1):
        """Read the remaining lines."""
        self._stall_if_short(None)
        lines = self._buf.readlines(hint)
        self._note("readlines", b"".join(lines))
        return lines

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line


class ServerLog:
    """The server's error log: wsgi.errors writes, tracebacks and warnings, in order."""

    def __init__(self, on_output=None):
        self.parts = []
        self.on_output = on_output

    def write(self, text):
        """Append text to the log (and stream it live as stderr)."""
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        self.parts.append(text)
        if self.on_output is not None and text:
            self.on_output("stderr", text)
        return len(text)

    def text(self):
        """The whole log."""
        return "".join(self.parts)


class ErrorStream:
    """wsgi.errors: a text stream whose writes reach the server log."""

    def __init__(self, log, trace):
        self._log = log
        self._trace = trace

    def __repr__(self):
        return "<wsgi.errors: the server log>"

    def write(self, text):
        """Write text to the server log."""
        self._trace.emit("errors_write", text=str(text)[:200])
        return self._log.write(text)

    def writelines(self, lines):
        """Write each line to the server log."""
        for line in lines:
            self.write(line)

    def flush(self):
        """Nothing to flush: writes reach the log at once."""


class FileWrapper:
    """wsgi.file_wrapper as wsgiref and gunicorn provide it: iterate the file in blocks."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, "close"):
            self.close = filelike.close

    def __iter__(self):
        while True:
            data = self.filelike.read(self.blksize)
            if not data:
                return
            yield data
