"""There is no keyboard behind the worker's stdin: input() gets a message that says so."""
import io
import sys

MESSAGE = ("input() is not available here: the browser's Python runs in a Web Worker with no console to "
           "type into. A WSGI app gets its input from the request (environ['wsgi.input']), not from stdin.")


class NoInput(io.TextIOBase):
    """A stdin whose every read raises EOFError with MESSAGE (what input() sees at end of input)."""

    def readable(self):
        return True

    def read(self, size=-1):
        raise EOFError(MESSAGE)

    def readline(self, size=-1):
        raise EOFError(MESSAGE)


def install():
    """Replace sys.stdin (and the original it is restored from) with NoInput."""
    sys.stdin = sys.__stdin__ = NoInput()
