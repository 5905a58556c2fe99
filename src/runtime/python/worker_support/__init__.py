"""Plain-Python helpers of the browser runtime: output capture, limits, isolation between runs.

Nothing here imports js or pyodide (only ../init_pyodide.py does), so CPython can test it.
"""
