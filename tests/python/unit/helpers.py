"""Shared paths for the unit tests: the core on sys.path, the fixture apps folder."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src" / "runtime" / "python"))
FIXTURES = str(ROOT / "tests" / "python" / "fixtureapps")
MODES = ("reference", "wsgiref", "gunicorn", "waitress")


def get(path, version="HTTP/1.1", extra=""):
    """A raw GET request."""
    return ("GET %s %s\r\nHost: localhost\r\n%s\r\n" % (path, version, extra)).encode("latin-1")
