"""One HTTP request/response cycle on the ASGI server: the scope, receive() and send().

Modelled on uvicorn's RequestResponseCycle: the same order checks, the same
RuntimeError texts, a 500 when the app fails before starting its response and a cut
connection when it fails after. Each message in either direction is logged with its
virtual time, so the order of events can be checked against the spec.
"""

import asyncio
from urllib.parse import unquote_to_bytes

from .asgi_rules import violation
from .records import preview


def make_scope(request, index):
    """The ASGI http scope for a workload request (spec: HTTP, Connection Scope)."""
    target = request["path"]
    raw_path, _, query = target.partition("?")
    headers = [(b"host", b"localhost:8000")]
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in request["headers"]]
    if request["body"] and not any(k == b"content-length" for k, _ in headers):
        headers.append((b"content-length", str(len(request["body"])).encode()))
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8000),
        # Distinct, fixed client ports: deterministic, and each request is its own connection.
        "client": ("127.0.0.1", 50000 + index),
        "scheme": "http",
        "method": request["method"],
        "root_path": "",
        "path": unquote_to_bytes(raw_path).decode("utf-8", "replace"),
        "raw_path": raw_path.encode("latin-1"),
        "query_string": query.encode("latin-1"),
        "headers": headers,
    }


def sent_type(cycle, message):
    """Check that what the app passed to send() is a message, log it, and return its type."""
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        cycle.flag("message-not-dict", f"send() got {message!r}")
        raise TypeError("ASGI send() takes a dict with a \"type\" key")
    cycle.log("send", message)
    return message["type"]


class Cycle:
    """The server side of one request: what the app received and sent, and what went wrong."""

    def __init__(self, loop, request, index, body_chunk, messages=False):
        self.loop = loop
        self.request = request
        self.scope = make_scope(request, index)
        body = request["body"]
        self.chunks = [body[i:i + body_chunk] for i in range(0, len(body), body_chunk)] or [b""]
        self.delivered = 0
        self.events = []
        self.messages = messages   # keep each body message's text in the log
        self.violations = []
        self.status = None
        self.headers = []
        self.body = []
        self.started = False
        self.complete = False
        self.cut = False
        self.done = loop.create_future()   # set when the response is complete: ends receive()'s wait

    def log(self, direction, message):
        event = {"t": self.loop.time(), "dir": direction, "type": message.get("type")}
        for key in ("status", "more_body"):
            if key in message:
                event[key] = message[key]
        if "body" in message and isinstance(message["body"], (bytes, bytearray)):
            event["bytes"] = len(message["body"])
            if self.messages:
                event["text"] = preview(bytes(message["body"]))
        self.events.append(event)

    def flag(self, rule, message):
        self.violations.append(violation(rule, message))

    async def receive(self):
        """The app's receive(): the body in chunks, then http.disconnect once the response is done."""
        if self.delivered < len(self.chunks) and not self.complete:
            chunk = self.chunks[self.delivered]
            self.delivered += 1
            message = {"type": "http.request", "body": chunk,
                       "more_body": self.delivered < len(self.chunks)}
        else:
            # Like a real server: the next event is the client going away, which happens only
            # after the response is complete.
            await asyncio.shield(self.done)
            message = {"type": "http.disconnect"}
        self.log("receive", message)
        return message

    async def send(self, message):
        """The app's send(): checks each message against the spec, as uvicorn does."""
        kind = sent_type(self, message)
        if self.complete:
            self.flag("send-after-complete", f"{kind!r} sent after the response was complete")
            raise RuntimeError(f"Unexpected ASGI message '{kind}' sent, after response already completed.")
        if not self.started:
            if kind == "http.response.body":
                self.flag("body-before-start", "http.response.body was sent before http.response.start")
            elif kind != "http.response.start":
                self.flag("unknown-message", f"{kind!r} is not an HTTP response message")
            if kind != "http.response.start":
                raise RuntimeError(f"Expected ASGI message 'http.response.start', but got '{kind}'.")
            self._start(message)
        elif kind == "http.response.start":
            self.flag("start-twice", "http.response.start was sent a second time")
            raise RuntimeError("Expected ASGI message 'http.response.body', but got 'http.response.start'.")
        elif kind != "http.response.body":
            self.flag("unknown-message", f"{kind!r} is not an HTTP response message")
            raise RuntimeError(f"Expected ASGI message 'http.response.body', but got '{kind}'.")
        else:
            self._body(message)

    def _start(self, message):
        status = message.get("status")
        if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 999:
            self.flag("bad-status", f"status is {status!r}")
            raise TypeError(f"ASGI status must be an int from 100 to 999, got {status!r}")
        headers = []
        for pair in message.get("headers", []):
            name, value = (list(pair) + [None, None])[:2] if isinstance(pair, (list, tuple)) else (None, None)
            if not isinstance(name, bytes) or not isinstance(value, bytes) or len(pair) != 2:
                self.flag("bad-headers", f"header {pair!r} is not a [bytes, bytes] pair")
                raise TypeError(f"ASGI headers must be [bytes, bytes] pairs, got {pair!r}")
            if name != name.lower():
                self.flag("bad-headers", f"header name {name!r} is not lowercased")
            headers.append([name.decode("latin-1"), value.decode("latin-1")])
        self.status, self.headers, self.started = status, headers, True

    def _body(self, message):
        body = message.get("body", b"")
        if not isinstance(body, (bytes, bytearray)):
            self.flag("bad-body", f"body is {type(body).__name__}, not bytes")
            raise TypeError(f"ASGI body must be bytes, got {type(body).__name__}")
        self.body.append(bytes(body))
        if not message.get("more_body", False):
            self.finish()

    def finish(self, check_body=True):
        """Mark the response complete; waiting receive() calls now get http.disconnect."""
        self.complete = True
        # Read some of the body but not all: the app ignored more_body. (Not reading the body
        # at all is fine: a 404 or 405 needn't.)
        if check_body and 0 < self.delivered < len(self.chunks):
            self.flag("request-body-unread",
                      f"the response was sent after reading {self.delivered} of {len(self.chunks)} "
                      "request body chunks (more_body was still True)")
        if not self.done.done():
            self.done.set_result(None)

    def internal_error(self):
        """Answer 500 the way uvicorn does when the app fails before starting a response."""
        self.status = 500
        self.headers = [["content-type", "text/plain; charset=utf-8"], ["connection", "close"]]
        self.body = [b"Internal Server Error"]
        self.started = True
        self.finish(check_body=False)
