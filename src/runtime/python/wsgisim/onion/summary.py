"""The per-layer record (`layer_summary` event): what one visit did to the request and response."""
from .describe import environ_diff, has_close as _has_close, header_diff, snapshot


def summarize(visit, rec):
    """Everything the onion records of a layer, as plain data (see events.md)."""
    children = visit.child_visits(rec.visits)
    inner = next((c for c in reversed(children) if c.has_result or c.lazy), None)
    passed = rec.sr_calls.get(visit.sr_id, [])
    received = []
    for child in children:
        received += rec.sr_calls.get(child.sr_id, []) if child.sr_id != visit.sr_id else []
    if not visit.wrapped_sr:
        received = passed if children else []
    owner = body_owner(visit, rec)
    out = owner.chunks if owner is not None and owner.chunks_known else None
    came_in = None
    if inner is not None:
        inner_owner = body_owner(inner, rec)
        came_in = inner_owner.chunks if inner_owner is not None and inner_owner.chunks_known else None
    env = visit.env_passed or environ_diff(visit.env0, snapshot(visit.environ))
    return {
        "name": visit.name, "kind": visit.kind, "detail": visit.detail, "file": visit.file,
        "line": visit.line, "parent": None if visit.parent is None else visit.parent.id,
        "depth": visit.depth, "lazy": visit.lazy, "children": list(visit.children),
        "short_circuit": not children and not visit.raised and visit.holds_app,
        "environ": env,
        "start_response": {
            "wrapped": visit.wrapped_sr, "received": received, "passed": passed,
            "headers": _header_change(received, passed) if visit.wrapped_sr else None,
            "status_changed": bool(visit.wrapped_sr and received and passed
                                   and received[-1]["status"] != passed[-1]["status"]),
        },
        "body": {
            "returned": None if not visit.has_result else type(visit.returned).__name__,
            "same_as_inner": rec.same_as_inner(visit),
            "out": out, "in": came_in,
            "changed": None if out is None or came_in is None or inner is None else
            _joined(out) != _joined(came_in),
        },
        "close": _close(visit, inner, rec),
        "exception": {"let_through": visit.raised, "caught": _caught(visit)},
        "times": _times(visit, owner),
    }


def body_owner(visit, rec):
    """The visit whose own iterable is the body this visit returned (itself, or an inner one)."""
    seen = 0
    while visit is not None and seen < 64:
        if visit.lazy or not rec.same_as_inner(visit):
            return visit
        visit = next((c for c in visit.child_visits(rec.visits)
                      if c.has_result and c.returned is visit.returned), None)
        seen += 1
    return visit


def _header_change(received, passed):
    if not received or not passed:
        return None
    return header_diff(received[-1]["headers"], passed[-1]["headers"])


def _joined(chunks):
    return [(c["size"], c["preview"]) for c in chunks]


def _close(visit, inner, rec):
    mine = visit.has_result and _has_close(visit.returned)
    theirs = inner is not None and (inner.lazy or _has_close(inner.returned))
    if inner is None or not theirs:
        passed = None                      # nothing inside to pass close() to
    elif rec.same_as_inner(visit):
        passed = True                      # returned the inner iterable itself
    else:
        passed = body_owner(inner, rec).closed
    return {"has_close": mine, "inner_has_close": theirs, "passed": passed, "called": visit.closed}


def _caught(visit):
    if visit.raised or not (visit.caught or visit.pending_exc):
        return None
    return visit.caught or {"type": None, "message": ""}


def _times(visit, owner):
    end = visit.t_return if visit.t_return is not None else visit.t_enter
    first_in = visit.t_first_in if visit.t_first_in is not None else end
    back = visit.t_last_back if visit.t_last_back is not None else first_in
    body_end = owner.t_body_end if owner is not None else None
    return {
        "enter": visit.t_enter, "return": visit.t_return,
        "before_ms": round(first_in - visit.t_enter, 3),
        "inner_ms": round(back - first_in, 3),
        "after_ms": round(end - back, 3),
        "body_ms": round(visit.body_ms, 3),
        "body_end": body_end,
        "streamed_ms": None if body_end is None else round(max(body_end - end, 0), 3),
    }
