"""Serve a content example under a real server on loopback (wsgiref, gunicorn 20.1, waitress 2.1.2, uvicorn 0.17.6)
and talk to it with raw HTTP, so the lesson pages can quote, and CI can re-check, what each real
server does. Every wait is bounded and every server process is stopped in `finally`.

The real servers are Debian 12's packages, run by /usr/bin/python3 (stage 00 installs them).
"""
import contextlib
import os
import socket
import subprocess
import tempfile
import threading
import sys
import time
from pathlib import Path

# The differential suite's helpers: wait for a listening port; is a response complete by its framing.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python" / "differential"))
from realservers import _complete, _wait_port  # noqa: E402

PY = "/usr/bin/python3"
GUNICORN = "/usr/bin/gunicorn"
# Debian 12's uvicorn (0.17.6, package `uvicorn`) serves the ASGI quotes; UVICORN names another executable.
UVICORN = os.environ.get("UVICORN") or "/usr/bin/uvicorn"
# wsgiref is started like the pages say: make_server(...).serve_forever(), its log on stderr.
WSGIREF = ("import sys; sys.path.insert(0, '.'); from {module} import {callable} as app;"
           "from wsgiref.simple_server import make_server;"
           "make_server('127.0.0.1', {port}, app).serve_forever()")


def command(server, module, port, callable="app", options=()):
    """The command line that serves module:callable from the current folder on 127.0.0.1:port."""
    if server == "wsgiref":
        return [PY, "-u", "-c", WSGIREF.format(module=module, callable=callable, port=port)]
    if server == "gunicorn":
        return [GUNICORN, "--bind", f"127.0.0.1:{port}", *options, f"{module}:{callable}"]
    if server == "waitress":
        return [PY, "-m", "waitress", f"--listen=127.0.0.1:{port}", *options, f"{module}:{callable}"]
    if server == "uvicorn":
        return [UVICORN, "--host", "127.0.0.1", "--port", str(port), *options, f"{module}:{callable}"]
    raise ValueError(f"unknown real server {server!r}: wsgiref, gunicorn, waitress or uvicorn")


_given = set()
_given_lock = threading.Lock()


def free_port():
    """A port nobody is listening on now (stage 36 shares the machine with other suites), never one
    already handed to another server of this process (checks run several at a time)."""
    with _given_lock:
        while True:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            if port not in _given:
                _given.add(port)
                return port


class Log:
    """The server's stdout and stderr, read back as text (a file, so a full pipe never blocks it)."""

    def __init__(self, path):
        self.path, self.kept = path, None

    def text(self):
        """The log so far; after the server stopped, the whole log (kept when it stopped)."""
        return self.kept if self.kept is not None else Path(self.path).read_text("utf-8", "replace")


@contextlib.contextmanager
def running(server, example, port=None, callable="app", options=()):
    """Serve example (a path to a .py file) under a real server; yield (port, Log); always stop it."""
    example = Path(example)
    port = port or free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log_file:
            proc = subprocess.Popen(command(server, example.stem, port, callable, options),
                                    cwd=example.parent, stdout=log_file, stderr=log_file,
                                    start_new_session=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        try:
            if not _wait_port(port, time.monotonic() + 15):
                raise RuntimeError(f"{server} did not listen on {port}: {log_path.read_text()[-500:]}")
            log = Log(log_path)
            yield port, log
            time.sleep(0.3)  # let the server finish writing its log (close() runs after the last byte)
        finally:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
            if log_path.exists():
                with contextlib.suppress(NameError):
                    log.kept = log_path.read_text("utf-8", "replace")


def raw_request(port, method="GET", target="/", headers=(), body=b"", close=False):
    """The bytes of one HTTP/1.1 request as curl sends them (Host first; Content-Length for a body)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    lines += [f"{name}: {value}" for name, value in headers]
    names = {name.lower() for name, _ in headers}
    if body and "content-length" not in names and "transfer-encoding" not in names:
        lines.append(f"Content-Length: {len(body)}")
    if close and "connection" not in names:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def exchange(port, raw, total=5.0, idle=1.0):
    """Send raw bytes and read the answer, as a client would: until the response is complete by
    its framing, the server closes, or (once headers are in) `idle` seconds pass with no byte;
    at most `total` seconds.

    Returns (response bytes, how it ended: "complete", "closed", "reset", "idle" or "timeout").
    """
    chunks = []
    deadline = time.monotonic() + total
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        sock.sendall(raw)
        while True:
            data = b"".join(chunks)
            if _complete(data):
                return data, "complete"
            left = deadline - time.monotonic()
            if left <= 0:
                return data, "timeout"
            headers_in = b"\r\n\r\n" in data
            sock.settimeout(min(left, idle) if headers_in else left)
            try:
                more = sock.recv(65536)
            except socket.timeout:
                if headers_in and time.monotonic() < deadline:
                    return data, "idle"
                return data, "timeout"
            except ConnectionResetError:
                return data, "reset"
            if not more:
                return data, "closed"
            chunks.append(more)


def split_response(raw):
    """(status line, [header lines], body bytes) of a response as it came off the wire."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n") if head else [""]
    return lines[0], lines[1:], body


def dechunk(body):
    """The payload of a chunked body (whatever arrived of it)."""
    out, rest = b"", body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            break
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


def timed_burst(port, requests, total=20.0):
    """Send (label, delay_seconds, target) requests, each on its own connection from its own
    thread after its delay; return {label: (seconds from send to last byte, body text)}."""
    results = {}
    start = time.monotonic()

    def one(label, delay, target):
        time.sleep(delay)
        sent = time.monotonic()
        raw, _ = exchange(port, raw_request(port, "GET", target), total)
        _, headers, body = split_response(raw)
        if any(h.lower().startswith("transfer-encoding: chunked") for h in headers):
            body = dechunk(body)
        results[label] = (time.monotonic() - sent, body.decode("utf-8", "replace").strip())

    threads = [threading.Thread(target=one, args=r, daemon=True) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.1, total + 5 - (time.monotonic() - start)))
    return results
