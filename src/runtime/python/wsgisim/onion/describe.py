"""Plain-data descriptions of what layers pass around: environ diffs, headers, body chunks, names."""
import os

from ..trace import preview

SHORT = 60


def short_repr(value):
    """A short repr for the trace (never calls anything but repr)."""
    try:
        text = repr(value)
    except Exception:
        text = "<%s>" % type(value).__name__
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def snapshot(environ):
    """A shallow copy of an environ: enough to see keys added, removed or rebound later."""
    return dict(environ)


def environ_diff(before, after):
    """{added: {key: repr}, removed: [key], changed: {key: [old, new]}} between two snapshots."""
    added = {k: short_repr(after[k]) for k in after if k not in before}
    removed = sorted(k for k in before if k not in after)
    changed = {}
    for key in after:
        if key in before and not _same(before[key], after[key]):
            changed[key] = [short_repr(before[key]), short_repr(after[key])]
    return {"added": added, "removed": removed, "changed": changed}


def _same(a, b):
    if a is b:
        return True
    try:
        return bool(type(a) is type(b) and a == b)
    except Exception:
        return False


def header_pairs(headers):
    """Headers as [[name, value], ...] without iterating anything but a list or tuple."""
    if not isinstance(headers, (list, tuple)):
        return short_repr(headers)
    out = []
    for pair in headers:
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            out.append([_text(pair[0]), _text(pair[1])])
        else:
            out.append([short_repr(pair), ""])
    return out


def header_diff(inner, outer):
    """How a layer changed the headers it passed outward: added, removed (by name, in order)."""
    if not isinstance(inner, list) or not isinstance(outer, list):
        return {"added": [], "removed": []}
    rest = list(outer)
    removed = []
    for pair in inner:
        if pair in rest:
            rest.remove(pair)
        else:
            removed.append(pair)
    return {"added": rest, "removed": removed}


def chunk(data):
    """One body chunk: size (None for a non-bytes value) and a printable preview."""
    size = len(data) if isinstance(data, (bytes, bytearray, str)) else None
    return {"size": size, "preview": preview(data)}


def _text(value):
    return value if isinstance(value, str) else short_repr(value)


def where(code, app_dir):
    """(file, line) of a code object: relative to the app folder when it is the reader's."""
    path = code.co_filename
    if app_dir:
        root = os.path.abspath(app_dir) + os.sep
        full = os.path.abspath(path)
        if full.startswith(root):
            return os.path.relpath(full, root), code.co_firstlineno
    return os.path.basename(path), code.co_firstlineno


def relative(path, app_dir):
    """A file name as the reader knows it."""
    if app_dir:
        root = os.path.abspath(app_dir) + os.sep
        if os.path.abspath(path).startswith(root):
            return os.path.relpath(os.path.abspath(path), root)
    return os.path.basename(path)


def has_close(obj):
    """hasattr(obj, "close") without running a __getattr__ of the reader's."""
    try:
        if "close" in getattr(obj, "__dict__", {}):
            return True
    except Exception:
        return False
    return any("close" in vars(k) for k in type(obj).__mro__)
