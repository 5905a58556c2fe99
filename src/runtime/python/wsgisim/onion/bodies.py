"""What the recorder sees of bodies: each layer's own iterable, its chunks as the server pulls them
(a generator's yields, a Python __iter__/__next__), the time spent producing them, and close().

A list or tuple is read item by item; nothing else is iterated or called: chunks are seen only when
the reader's own body code runs because the server (or an outer body) asked for them.
"""
import dis
import inspect
import time
import types

from .describe import chunk, relative

_YIELD = dis.opmap["YIELD_VALUE"]
_GENERATOR = inspect.CO_GENERATOR


def exit_op(frame):
    """The opcode a frame stopped at: tells a return from a yield from an exception leaving it."""
    try:
        return frame.f_code.co_code[frame.f_lasti]
    except (IndexError, TypeError):
        return None


class BodyWatch:
    """The body half of the Recorder (a mixin: it shares the recorder's registries)."""

    def body_method(self, frame, name, visit):
        if name == "close":
            self.closed(visit)
        elif frame.f_code.co_flags & _GENERATOR:   # `def __iter__(self): ... yield`: its chunks
            self.body_frames[frame] = visit
            visit.chunks_known = True
            self.resume_body(frame, visit)
        elif name == "__iter__":
            self.iter_frames[frame] = visit
        else:
            self.resume_body(frame, visit)
            self.iter_frames[frame] = visit

    def resume_body(self, frame, visit):
        """A layer's body code runs again (the server, or an outer body, asked for a chunk)."""
        self.resumed[frame] = time.perf_counter()
        self.body_running.append(visit)

    # -- returns -------------------------------------------------------------------------
    def register_body(self, visit, body):
        inner = [v for v in visit.child_visits(self.visits) if v.has_result and v.returned is body]
        if inner:
            return  # passed the inner body through: its chunks are the inner layer's
        if isinstance(body, (list, tuple)):
            visit.chunks = [chunk(item) for item in body]
            visit.chunks_known = True
        elif isinstance(body, types.GeneratorType):
            if body.gi_frame is not None:
                self.body_frames.setdefault(body.gi_frame, visit)
            self.body_owners[id(body)] = (visit, body)
            visit.chunks_known = True
        elif body is not None:
            self.body_owners[id(body)] = (visit, body)

    def same_as_inner(self, visit):
        return any(v.has_result and v.returned is visit.returned and visit.has_result
                   for v in visit.child_visits(self.visits))

    def body_time(self, visit, frame):
        started = self.resumed.pop(frame, None)
        if self.body_running and self.body_running[-1] is visit and not visit.lazy:
            self.body_running.pop()
        if started is not None:
            visit.body_ms += (time.perf_counter() - started) * 1000

    def body_step(self, visit, frame, arg, op=-1):
        self.body_time(visit, frame)
        op = exit_op(frame) if op == -1 else op
        if op == _YIELD and arg is not None:
            self.chunk(visit, frame, arg)
        elif frame.f_code.co_flags & _GENERATOR or op is None:
            visit.t_body_end = self.trace.now()

    def chunk(self, visit, frame, data):
        piece = chunk(data)
        visit.chunks.append(piece)
        visit.chunks_known = True
        self.trace.emit("layer_body", layer=visit.id, line=frame.f_lineno,
                        file=relative(frame.f_code.co_filename, self.app_dir), **piece)

    def on_close(self, target):
        owner = self.body_owners.get(id(target))
        if owner is not None and owner[1] is target:
            return self.closed(owner[0])
        if isinstance(target, types.GeneratorType):
            # A generator-function layer: its generator object was never seen, only its frame.
            visit = self.by_frame.get(target.gi_frame) if target.gi_frame is not None else None
            if visit is None:
                visit = next((v for v in reversed(self.visits)
                              if v.lazy and v.frame.f_code is target.gi_code), None)
            if visit is not None and visit.lazy:
                self.closed(visit)

    def closed(self, visit):
        if not visit.closed:
            visit.closed = True
            self.trace.emit("layer_close", layer=visit.id)
