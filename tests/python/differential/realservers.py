"""Start the three real servers on loopback with the dispatcher app and send raw requests.

Every wait is bounded; servers are stopped in `finally` by the context manager.
"""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtureapps"
PY = "/usr/bin/python3"
PORTS = {"wsgiref": 18001, "gunicorn": 18002, "waitress": 18003}
APT = "sudo apt-get install -y gunicorn python3-waitress"


def commands(port_of):
    """The command line that starts each real server on its port."""
    return {
        "wsgiref": [PY, "-c", "import sys; sys.path.insert(0, '.'); from dispatch import app;"
                    "from wsgiref.simple_server import make_server;"
                    "make_server('127.0.0.1', %d, app).serve_forever()" % port_of["wsgiref"]],
        "gunicorn": ["/usr/bin/gunicorn", "--workers", "1", "--worker-class", "sync",
                     "--bind", "127.0.0.1:%d" % port_of["gunicorn"], "dispatch:app"],
        "waitress": [PY, "-m", "waitress", "--listen=127.0.0.1:%d" % port_of["waitress"],
                     "dispatch:app"],
    }


def missing_servers():
    """Names of the real servers this machine lacks (with the apt command to fix it)."""
    missing = []
    if not os.access("/usr/bin/gunicorn", os.X_OK):
        missing.append("gunicorn")
    if subprocess.run([PY, "-c", "import waitress"], capture_output=True).returncode:
        missing.append("python3-waitress")
    return missing


def _wait_port(port, deadline):
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return True
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def running(names, log_dir):
    """Start the named servers, yield {name: port}, always stop them."""
    procs = {}
    cmds = commands(PORTS)
    try:
        for name in names:
            log = open(Path(log_dir) / (name + ".log"), "wb")
            procs[name] = subprocess.Popen(cmds[name], cwd=FIXTURES, stdout=log, stderr=log,
                                           start_new_session=True)
        deadline = time.monotonic() + 15
        for name in names:
            if not _wait_port(PORTS[name], deadline):
                raise RuntimeError("%s did not start listening on %d" % (name, PORTS[name]))
        yield {name: PORTS[name] for name in names}
    finally:
        for proc in procs.values():
            proc.terminate()
        for proc in procs.values():
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def _complete(data):
    """True when `data` holds a whole final response by its own framing (HEAD aside)."""
    while data.startswith(b"HTTP/1.1 100"):
        end = data.find(b"\r\n\r\n")
        data = data[end + 4:] if end >= 0 else b""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    head, body = data[:end].lower(), data[end + 4:]
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name == b"content-length" and value.strip().isdigit():
            return len(body) >= int(value.strip())
        if name == b"transfer-encoding" and b"chunked" in value:
            return body.endswith(b"0\r\n\r\n")
    return False


def exchange(port, raw, total=4.0, idle=0.3, half_close=False):
    """Send raw bytes (then, if half_close, shut down the sending side); return
    (response bytes, closed_by_server)."""
    chunks, closed = [], False
    with socket.create_connection(("127.0.0.1", port), 2) as sock:
        try:
            sock.sendall(raw)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused a huge request early and closed: read what it sent
        deadline = time.monotonic() + total
        while time.monotonic() < deadline:
            sock.settimeout(idle if chunks else total)
            try:
                data = sock.recv(65536)
            except socket.timeout:
                if _complete(b"".join(chunks)):
                    break
                continue
            except ConnectionResetError:
                closed = True
                break
            if not data:
                closed = True
                break
            chunks.append(data)
    return b"".join(chunks), closed


if __name__ == "__main__":
    print(shutil.which("gunicorn"), missing_servers(), file=sys.stderr)
