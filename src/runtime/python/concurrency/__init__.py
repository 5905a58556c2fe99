"""Concurrency simulations in virtual time: a pre-fork worker pool and an ASGI event loop.

`run_pool` and `run_loop` (api.py) take a workload and the reader's app and return
JSON-able results. Importing this package also makes `simulate` importable, the module
the reader's code uses: `from simulate import slow_io, cpu_work, slow_io_async`.
"""

import sys

from . import simulate
from .api import run_loop, run_pool

# Readers write `from simulate import slow_io`; the module lives in this package.
sys.modules.setdefault("simulate", simulate)

__all__ = ["run_loop", "run_pool", "simulate"]
