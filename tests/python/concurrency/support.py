"""Shared by the concurrency tests: the package on sys.path, fixture app folders, result helpers."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "src", "runtime", "python"))

import concurrency  # noqa: E402  (needs the path above)

APPS = os.path.join(HERE, "apps")


def app_dir(name):
    """The folder of fixture app `name` (tests/python/concurrency/apps/<name>)."""
    return os.path.join(APPS, name)


def by_id(result):
    """The result's request records keyed by request id."""
    return {r["id"]: r for r in result["requests"]}


def without_real(result):
    """The result minus the one part measured on the host (real CPU time), for equality checks."""
    return {k: v for k, v in result.items() if k != "real"}
