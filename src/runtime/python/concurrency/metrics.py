"""The numbers that matter, computed from finished request records.

Each record has "at" (arrival), "start" (a worker or the loop began it) and "end"
(the response was complete, or the request was given up), in virtual seconds.
"""

import math


def r6(x):
    """Round a virtual time to the microsecond, so float noise never shows in results."""
    return None if x is None else round(x + 0.0, 6)


def percentile(values, p):
    """Nearest-rank percentile (the smallest value with at least p% of values at or below it)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _stats(values):
    if not values:
        return {"p50": None, "p95": None, "max": None, "mean": None}
    return {"p50": r6(percentile(values, 50)), "p95": r6(percentile(values, 95)),
            "max": r6(max(values)), "mean": r6(sum(values) / len(values))}


def step_series(deltas):
    """[[t, level], ...] from (t, +1/-1) changes: one point per time at which the level changed."""
    series, level = [[0.0, 0]], 0
    for t, d in sorted(deltas, key=lambda e: e[0]):
        level += d
        if series[-1][0] == r6(t):
            series[-1][1] = level
        else:
            series.append([r6(t), level])
    # Drop points where the level ended up unchanged (an arrival and a start at the same time).
    out = [series[0]]
    for point in series[1:]:
        if point[1] != out[-1][1]:
            out.append(point)
    return out


def queue_series(records):
    """Requests that arrived but have not started yet, over time."""
    deltas = [(r["at"], +1) for r in records]
    deltas += [(r["start"], -1) for r in records if r["start"] is not None]
    return step_series(deltas)


def in_flight_series(records):
    """Requests started but not finished, over time."""
    deltas = [(r["start"], +1) for r in records if r["start"] is not None]
    deltas += [(r["end"], -1) for r in records if r["start"] is not None and r["end"] is not None]
    return step_series(deltas)


def throughput(records):
    """Responses completed in each virtual second [k, k+1), from second 0 to the last one."""
    ends = [r["end"] for r in records if r["outcome"] == "complete"]
    if not ends:
        return []
    counts = [0] * (int(math.floor(max(ends) + 1e-9)) + 1)
    for end in ends:
        counts[int(math.floor(end + 1e-9))] += 1
    return [{"second": k, "finished": c} for k, c in enumerate(counts)]


def summary(records):
    """Latency and waiting time (p50/p95/max/mean), counts, makespan and mean throughput."""
    done = [r for r in records if r["outcome"] == "complete"]
    latencies = [r["end"] - r["at"] for r in done]
    waits = [r["start"] - r["at"] for r in records if r["start"] is not None]
    last = max((r["end"] for r in records if r["end"] is not None), default=0.0)
    outcomes = {}
    for r in records:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    return {
        "requests": len(records),
        "completed": len(done),
        "outcomes": outcomes,
        "latency": _stats(latencies),
        "wait": _stats(waits),
        "max_queue": max(level for _, level in queue_series(records)),
        "duration": r6(last),
        "throughput_mean": r6(len(done) / last) if last > 0 else None,
    }
