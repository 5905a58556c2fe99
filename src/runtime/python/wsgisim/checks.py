"""The PEP 3333 checker: observes every call the app makes and records each broken rule.

It never raises and never changes what the server does; each server personality calls it at the
same points (start_response, write, each body item, the end of the body), so violations are
recorded in every mode, also the ones a real server lets through.
"""
import re

from .violations import describe

TOKEN_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
STATUS_RE = re.compile(r"[0-9]{3} [^\x00-\x1f\x7f]+")
CONTROL_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# RFC 2616 13.5.1's hop-by-hop headers, the set wsgiref, waitress and PEP 3333 use: one place for all modes.
HOP_BY_HOP = frozenset(("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
                        "te", "trailers", "transfer-encoding", "upgrade"))
NO_BODY = ("1", "204", "304")


class Checker:
    """Records violations (each distinct one once) and emits a trace event for each."""

    def __init__(self, trace):
        self.trace = trace
        self.found = []

    def record(self, rule, **values):
        """Record one broken rule."""
        item = describe(rule, **values)
        if item not in self.found:
            self.found.append(item)
            self.trace.emit("violation", **item)

    def status(self, status):
        """Check the status argument of start_response."""
        if not isinstance(status, str):
            self.record("status_not_str", kind=type(status).__name__, value=status)
        elif CONTROL_RE.search(status):
            self.record("status_control", value=status)
        elif not STATUS_RE.fullmatch(status):
            self.record("status_format", value=status)

    def headers(self, headers):
        """Check the headers argument of start_response."""
        if type(headers) is not list:
            self.record("headers_not_list", kind=type(headers).__name__, value=headers)
        if not isinstance(headers, (list, tuple)):
            return  # iterating a generator here would use it up before the server sees it
        for item in headers:
            if not (isinstance(item, tuple) and len(item) == 2):
                self.record("header_not_tuple", value=item)
                if not (isinstance(item, (list, tuple)) and len(item) == 2):
                    continue
            self.header(*item)

    def header(self, name, value):
        """Check one (name, value) pair."""
        if not isinstance(name, str):
            self.record("header_name_not_str", kind=type(name).__name__, value=name)
            return
        if not TOKEN_RE.fullmatch(name):
            self.record("header_name_invalid", name=name)
        if name.lower() == "status":
            self.record("header_status")
        if name.lower() in HOP_BY_HOP:
            self.record("hop_by_hop", name=name)
        if not isinstance(value, str):
            self.record("header_value_not_str", name=name, kind=type(value).__name__, value=value)
            return
        if CONTROL_RE.search(value):
            self.record("header_value_control", name=name, value=value)
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            self.record("header_value_not_latin1", name=name, value=value)
        if name.lower() == "content-length" and not value.strip().isdigit():
            self.record("content_length_invalid", value=value)

    def start_response(self, status, headers, exc_info, already_called):
        """Check one call of start_response."""
        if already_called and not exc_info:
            self.record("start_response_twice")
        self.status(status)
        self.headers(headers)

    def result(self, result):
        """Check what the application returned."""
        if isinstance(result, str):
            self.record("app_returned_str", value=result[:40])
        elif isinstance(result, (bytes, bytearray)):
            # Iterating bytes yields ints: legal-looking, but never what the app meant.
            self.record("app_returned_not_iterable", value=result[:40])
        elif not (hasattr(type(result), "__iter__") or hasattr(type(result), "__getitem__")):
            # Looked up on the type, not called: checking must not start the app's iteration.
            self.record("app_returned_not_iterable", value=result)

    def item(self, item, from_write=False):
        """Check one body chunk (from the iterable, or passed to write())."""
        if type(item) is not bytes:
            rule = "write_not_bytes" if from_write else "body_item_not_bytes"
            self.record(rule, kind=type(item).__name__, value=item)

    def lengths(self, status, headers, sent, head=False):
        """Check the body length against Content-Length and the status at the end of the body.

        For HEAD, Content-Length is the length a GET's body would have (RFC 9110 8.6) and the body
        is empty or dropped: no length check (wsgiref, gunicorn and waitress answer it as it is)."""
        if isinstance(status, str) and status.startswith(NO_BODY) and sent:
            self.record("body_not_allowed", status=status, sent=sent)
        if head:
            return
        for name, value in headers or ():
            if isinstance(name, str) and name.lower() == "content-length":
                if isinstance(value, str) and value.strip().isdigit():
                    declared = int(value)
                    if sent < declared:
                        self.record("content_length_short", sent=sent, declared=declared)
                    elif sent > declared:
                        self.record("content_length_long", sent=sent, declared=declared)
