"""Watch the reader's calls with sys.setprofile and record every layer visit as trace events.

Observing only: the profile function reads frames and the values layers pass around; it never
replaces an argument, iterates a body, or calls the reader's code (not even hasattr on their objects).
"""
import dis
import inspect
import sys
import time
import types

from .bodies import BodyWatch, exit_op
from .describe import header_pairs, relative, short_repr, snapshot, environ_diff, where
from .detect import _never, holds_app, layer_args, layer_name
from .summary import summarize
from .visit import Visit

_NORMAL_EXIT = {dis.opmap[n] for n in ("RETURN_VALUE", "RETURN_CONST") if n in dis.opmap}
_YIELD = dis.opmap["YIELD_VALUE"]
_GENERATOR = inspect.CO_GENERATOR
_BODY_METHODS = ("__iter__", "__next__", "close")


def _code_of(obj):
    """The code object a call of `obj` runs, or None when it is not Python code."""
    if isinstance(obj, types.FunctionType):
        return obj.__code__
    if isinstance(obj, types.MethodType):
        return getattr(obj.__func__, "__code__", None)
    call = getattr(type(obj), "__call__", None)
    return getattr(call, "__code__", None)


def _is_call_of(frame, obj):
    """Is this frame a call of `obj` itself (not of another closure made from the same code)?"""
    local = frame.f_locals
    if isinstance(obj, types.FunctionType):
        for name, cell in zip(frame.f_code.co_freevars, obj.__closure__ or ()):
            try:
                if local.get(name) is not cell.cell_contents:
                    return False
            except ValueError:
                return False
        return True
    first = local.get(frame.f_code.co_varnames[0]) if frame.f_code.co_argcount else None
    return first is (obj.__self__ if isinstance(obj, types.MethodType) else obj)


class Recorder(BodyWatch):
    """The profile function and everything it has seen during one request."""

    def __init__(self, trace, app_dir):
        self.trace, self.app_dir = trace, app_dir
        self.visits = []                  # by id
        self.stack = []                   # visits whose frame is running, innermost last
        self.by_frame = {}                # frame -> visit (its own frame)
        self.srs = {}                     # id(start_response) -> (object, sr id, creator visit id)
        self.srs_by_id = {}
        self.sr_codes = {}                # code -> [start_response objects]
        self.sr_calls = {}                # sr id -> [{"status", "headers", "exc_info"}]
        self.sr_frames = {}               # running start_response frame -> sr id
        self.body_frames = {}             # generator frame -> visit that returned it
        self.body_owners = {}             # id(iterable) -> (visit, iterable)
        self.iter_frames = {}             # running __iter__ frame -> visit
        self.resumed = {}                 # body frame -> perf time it resumed
        self.body_running = []            # visits whose body code is running, innermost last
        self.boring = set()               # codes whose calls need no look (the server's own, mostly)
        self.previous = None
        self.failure = None

    def install(self):
        """Start watching calls in this thread."""
        self.previous = sys.getprofile()
        sys.setprofile(self.profile)

    def stop(self):
        """Stop watching; add one `layer_summary` event per visit to the trace."""
        if sys.getprofile() == self.profile:
            sys.setprofile(self.previous)
        for visit in self.visits:
            self.trace.emit("layer_summary", layer=visit.id, **summarize(visit, self))
        if self.failure:
            self.trace.emit("layer_summary", layer=-1, recorder_error=self.failure)

    def profile(self, frame, event, arg):
        try:
            if event == "call":
                if frame.f_code not in self.boring:
                    self.on_call(frame)
            elif event == "return":
                if frame.f_code not in self.boring:
                    self.on_return(frame, arg)
            elif event == "c_call" and getattr(arg, "__name__", None) == "close":
                self.on_close(getattr(arg, "__self__", None))
        except Exception as exc:  # a recorder bug must never change what the reader's code does
            self.failure = self.failure or "%s: %s" % (type(exc).__name__, exc)

    # -- calls ---------------------------------------------------------------------------
    def on_call(self, frame):
        if self.stack and self.stack[-1].pending_exc:
            self.note_caught(self.stack[-1])
        visit = self.by_frame.get(frame)
        if visit is not None:              # a generator layer resumed
            self.stack.append(visit)
            self.resumed[frame] = time.perf_counter()
            return
        if frame in self.body_frames:
            if frame.f_code.co_flags & _GENERATOR and layer_args(frame):
                self.enter(frame, lazy_parent=self.body_frames.pop(frame))
                return
            self.resume_body(frame, self.body_frames[frame])
            return
        code = frame.f_code
        if code in self.sr_codes:
            for obj in self.sr_codes[code]:
                if _is_call_of(frame, obj):
                    return self.sr_called(frame, obj)
        name = code.co_name
        if name in _BODY_METHODS and code.co_argcount:
            owner = self.body_owners.get(id(frame.f_locals.get(code.co_varnames[0])))
            if owner is not None:
                return self.body_method(frame, name, owner[0])
        if layer_args(frame):
            self.enter(frame)
        elif _never(code) and not code.co_flags & _GENERATOR and name not in _BODY_METHODS:
            # Never a layer, a body or a start_response (so far): skip its events from now on.
            self.boring.add(code)

    def enter(self, frame, lazy_parent=None):
        environ, sr, owner = layer_args(frame)
        parent = lazy_parent
        if parent is None and frame.f_code.co_flags & _GENERATOR and self.body_running:
            # A generator-function layer starts when a body pulls from it: that body's layer called it.
            parent, lazy_parent = self.body_running[-1], self.body_running[-1]
        if parent is None:
            parent = self.stack[-1] if self.stack else None
        sr_id = self.register_sr(sr, parent)
        visit = Visit(len(self.visits), frame, environ, sr, sr_id, parent, self.trace.now())
        visit.name, visit.kind, visit.detail = layer_name(frame, owner)
        visit.file, visit.line = where(frame.f_code, self.app_dir)
        visit.lazy = bool(frame.f_code.co_flags & _GENERATOR)
        visit.holds_app = holds_app(frame, owner, sr)
        self.visits.append(visit)
        self.by_frame[frame] = visit
        if parent is not None:
            parent.children.append(visit.id)
            if parent.t_first_in is None and not lazy_parent:
                parent.t_first_in = visit.t_enter
            if parent.env_passed is None:
                parent.env_passed = environ_diff(parent.env0, snapshot(environ))
            parent.wrapped_sr = parent.wrapped_sr or sr is not parent.sr
            if not lazy_parent:
                self.trace.emit("layer_call_inward", layer=parent.id, to=visit.id,
                                line=parent.frame.f_lineno, environ=parent.env_passed
                                if len(parent.children) == 1 else
                                environ_diff(parent.env0, snapshot(environ)))
        self.trace.emit("layer_enter", layer=visit.id, name=visit.name, kind=visit.kind,
                        detail=visit.detail, file=visit.file, line=visit.line,
                        parent=None if parent is None else parent.id, depth=visit.depth,
                        lazy=visit.lazy, sr=sr_id,
                        call_line=frame.f_back.f_lineno if frame.f_back else None)
        self.stack.append(visit)
        if visit.lazy:
            self.resumed[frame] = time.perf_counter()

    def register_sr(self, sr, parent):
        """An id for each distinct start_response; its creator is the layer that passed it in."""
        known = self.srs.get(id(sr))
        if known is not None and known[0] is sr:
            return known[1]
        sr_id = len(self.srs)
        creator = None if parent is None else parent.id
        self.srs[id(sr)] = self.srs_by_id[sr_id] = (sr, sr_id, creator)
        self.sr_calls[sr_id] = []
        code = _code_of(sr)
        if code is not None:
            self.sr_codes.setdefault(code, []).append(sr)
            self.boring.discard(code)
        return sr_id

    def sr_called(self, frame, obj):
        from ..modes.base import _exc_name  # here: modes.base imports this package
        _, sr_id, creator = self.srs[id(obj)]
        code, local = frame.f_code, frame.f_locals
        names = code.co_varnames[:code.co_argcount]
        if names and names[0] == "self":
            names = names[1:]
        values = [local.get(n) for n in names[:3]] + [None, None, None]
        status, headers, exc_info = values[:3]
        call = {"status": status if isinstance(status, str) else short_repr(status),
                "headers": header_pairs(headers),
                "exc_info": _exc_name(exc_info)}
        self.sr_calls[sr_id].append(call)
        # Inside a start_response wrapper the call is made on behalf of the layer that made it.
        running = [self.srs_by_id[s][2] for s in self.sr_frames.values()]
        caller = running[-1] if running else (self.stack[-1].id if self.stack else creator)
        self.sr_frames[frame] = sr_id
        back = frame.f_back
        self.trace.emit("layer_start_response", layer=-1 if caller is None else caller, sr=sr_id,
                        to=creator, line=back.f_lineno if back else None,
                        file=relative(back.f_code.co_filename, self.app_dir) if back else None,
                        **call)

    def on_return(self, frame, arg):
        if self.stack and self.stack[-1].frame is frame:
            return self.leave(self.stack.pop(), frame, arg)
        if frame in self.sr_frames:
            del self.sr_frames[frame]
            return
        visit = self.body_frames.get(frame)
        if visit is not None:
            return self.body_step(visit, frame, arg)
        visit = self.iter_frames.pop(frame, None)
        if visit is not None:
            if frame.f_code.co_name == "__next__":
                self.body_step(visit, frame, arg, op=_YIELD if arg is not None else None)
            elif isinstance(arg, types.GeneratorType) and arg.gi_frame is not None:
                self.body_frames.setdefault(arg.gi_frame, visit)
                visit.chunks_known = True

    def leave(self, visit, frame, arg):
        op = exit_op(frame)
        now = self.trace.now()
        if visit.lazy:
            self.body_time(visit, frame)
            if op == _YIELD:
                return self.chunk(visit, frame, arg)
            visit.t_body_end = now
        visit.t_return = now
        if not visit.children:   # what it changed itself (outer layers may change the dict later)
            visit.env_passed = environ_diff(visit.env0, snapshot(visit.environ))
        if op not in _NORMAL_EXIT and not (visit.lazy and op == _YIELD):
            visit.raised = True
        elif not visit.lazy:
            visit.returned, visit.has_result = arg, True
            self.register_body(visit, arg)
        parent = visit.parent
        if parent is not None and not visit.lazy:
            parent.t_last_back = now
            parent.pending_exc = parent.pending_exc or visit.raised
        if visit.pending_exc and not visit.raised:
            self.note_caught(visit)
        self.trace.emit("layer_return", layer=visit.id, line=frame.f_lineno, raised=visit.raised,
                        kind=None if visit.raised or visit.lazy else type(arg).__name__,
                        length=len(arg) if isinstance(arg, (list, tuple)) else None,
                        same_as_inner=self.same_as_inner(visit))

    def note_caught(self, visit):
        """An inner layer raised and this one is still running: inside its `except`, say which."""
        exc = sys.exc_info()[1]
        if exc is not None:
            visit.caught = {"type": type(exc).__name__, "message": str(exc)[:200]}
            visit.pending_exc = False

