"""Is this Python call a layer? Which name would the reader give it?

A call is a layer when its first positional arguments (after `self`, for a method or `__call__`) are
an environ — a dict carrying "wsgi.version" — and a callable: the shape PEP 3333 gives every app and
every middleware. The decision only reads the frame's arguments; it never calls them.
"""
import inspect
import os

_CO_VARARGS = inspect.CO_VARARGS
_CORE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_skip_codes = {}  # code -> True when its signature can never be a layer's (checked once per code)


def _never(code):
    verdict = _skip_codes.get(code)
    if verdict is None:
        # The server's own functions take an environ too (call_app); they are not the reader's layers.
        verdict = (code.co_argcount < 2 and not code.co_flags & _CO_VARARGS) or \
            os.path.abspath(code.co_filename).startswith(_CORE_DIR)
        _skip_codes[code] = verdict
    return verdict


def is_environ(value):
    """An environ is a dict that still carries wsgi.version (the server's, or a copy of it)."""
    return isinstance(value, dict) and "wsgi.version" in value


def layer_args(frame):
    """(environ, start_response, self or None) when the frame is a layer's call, else None."""
    code = frame.f_code
    if _never(code):
        return None
    local = frame.f_locals
    names = code.co_varnames
    args = [local.get(n) for n in names[:min(code.co_argcount, 3)]]
    if len(args) < 3 and code.co_flags & _CO_VARARGS:
        extra = local.get(names[code.co_argcount + code.co_kwonlyargcount])
        if isinstance(extra, tuple):
            args += list(extra[:3 - len(args)])
    for first in (0, 1):
        if len(args) >= first + 2 and is_environ(args[first]) and callable(args[first + 1]):
            return args[first], args[first + 1], (args[0] if first == 1 else None)
    return None


def layer_name(frame, owner):
    """(name, kind, detail): `timing_middleware` for a closure its factory made, the class for __call__.

    kind: "function", "closure" (made by a factory), "instance" (an object with __call__), "method".
    detail: the factory's short string arguments (`name='outer'`), so layers one factory made differ.
    """
    code = frame.f_code
    qual = getattr(code, "co_qualname", code.co_name)
    if owner is not None and code.co_name == "__call__":
        return type(owner).__name__, "instance", ""
    if "<locals>" in qual:
        factory = qual.split(".<locals>")[0].split(".")[-1]
        return factory, "closure", _closure_detail(frame)
    if owner is not None:
        return qual, "method", ""
    return code.co_name, "function", ""


def _closure_detail(frame):
    parts = []
    for name in frame.f_code.co_freevars:
        value = frame.f_locals.get(name)
        if isinstance(value, str) and 0 < len(value) <= 24:
            parts.append("%s=%r" % (name, value))
    return ", ".join(parts[:2])


def holds_app(frame, owner, start_response):
    """Does this layer hold an inner app it could call (a callable in its closure or attributes)?

    It tells a short-circuit (an auth layer answering 401 itself) from the innermost app.
    """
    values = [frame.f_locals.get(n) for n in frame.f_code.co_freevars]
    if owner is not None:
        values += list(getattr(owner, "__dict__", {}).values())
    return any(callable(v) and v is not start_response and not isinstance(v, type) for v in values)
