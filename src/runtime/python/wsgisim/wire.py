"""The simulated socket: the bytes the server sends, whether it cut the connection, and the
client's reading of those bytes (status, headers, de-chunked body)."""
from .trace import preview


class Wire:
    """Everything the server writes to the client, in order."""

    def __init__(self, trace):
        self.trace = trace
        self.data = bytearray()
        self.cut = False          # the server closed the connection before the response was whole
        self.keep_alive = False   # the server would keep the connection open for another request

    def send(self, data, what):
        """Write bytes to the client; `what` says which part of the response they are."""
        if data:
            self.data += data
            self.trace.emit("response_bytes", what=what, size=len(data), preview=preview(data))


def chunk(data):
    """One chunk of a chunked body, sized in upper-case hex as gunicorn and waitress write it."""
    return b"%X\r\n%s\r\n" % (len(data), data)


def read_response(data, head=False):
    """How a client reads `data`: (status, [[name, value]], body, complete).

    `head`: the request was HEAD, so the response ends with its header section (RFC 9110 9.3.2);
    body bytes a server sent anyway are returned as they are, and do not make it incomplete."""
    pos = 0
    while True:
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            return None, [], b"", False
        lines = data[pos:end].decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 1)
        status = parts[1] if len(parts) > 1 else ""
        if status.startswith("100 ") and len(data) > end + 4:
            pos = end + 4
            continue
        break
    headers = [[n, v.strip()] for n, _, v in (line.partition(":") for line in lines[1:])]
    rest = bytes(data[end + 4:])
    names = {n.lower(): v for n, v in headers}
    if "chunked" in names.get("transfer-encoding", "").lower():
        body, complete = _dechunk(rest)
        return status, headers, body, complete or head
    length = names.get("content-length", "")
    if length.isdigit():
        return status, headers, rest[:int(length)], head or len(rest) >= int(length)
    return status, headers, rest, True


def _dechunk(rest):
    body, pos = bytearray(), 0
    while True:
        end = rest.find(b"\r\n", pos)
        if end < 0:
            return bytes(body), False
        try:
            size = int(rest[pos:end].split(b";")[0], 16)
        except ValueError:
            return bytes(body), False
        if size == 0:
            return bytes(body), True
        body += rest[end + 2:end + 2 + size]
        if len(rest) < end + 4 + size:
            return bytes(body), False
        pos = end + 4 + size
