"""One layer visit: a layer called once (a layer that calls inward twice makes two visits inside)."""


class Visit:
    """What one call of a layer did, as the recorder saw it happen."""

    def __init__(self, vid, frame, environ, sr, sr_id, parent, now):
        self.id, self.frame, self.parent = vid, frame, parent
        self.environ, self.sr, self.sr_id = environ, sr, sr_id
        self.depth = 0 if parent is None else parent.depth + 1
        self.name = self.kind = self.detail = self.file = None
        self.line = None
        self.lazy = False                 # a generator function: its code runs while the body is read
        self.env0 = dict(environ)         # the environ as it arrived
        self.env_passed = None            # environ changes made before the first call inward
        self.children = []
        self.t_enter, self.t_first_in, self.t_last_back, self.t_return = now, None, None, None
        self.returned = None
        self.has_result = False
        self.raised = False               # left by an exception
        self.caught = None                # {"type", "message"} of an inner exception it handled
        self.pending_exc = False          # a child raised; was it handled?
        self.chunks = []                  # body chunks this layer's own iterable produced
        self.chunks_known = False         # its body is observable (list, generator, Python iterator)
        self.body_ms = 0.0                # time spent inside its body code while the server read it
        self.t_body_end = None
        self.closed = False               # close() reached this layer's own iterable
        self.wrapped_sr = False           # passed inward a start_response of its own
        self.holds_app = False            # holds an inner app it could call (closure, attribute)

    def child_visits(self, visits):
        """The visits this layer called inward, in order."""
        return [visits[i] for i in self.children]
