from urllib.parse import parse_qs

# (arrives at second, seconds of work): quick pages and two slow API calls
WORKLOAD = [(0.0, 0.2), (0.1, 10.0), (0.2, 0.2), (0.3, 10.0), (0.4, 0.2), (0.5, 0.2), (0.6, 0.2)]


def simulate(workers, workload):
    """Each request goes to the worker that becomes free first, in arrival order."""
    free_at = [0.0] * workers
    rows = []
    for number, (arrives, work) in enumerate(workload, start=1):
        worker = min(range(workers), key=lambda w: free_at[w])
        starts = max(arrives, free_at[worker])
        free_at[worker] = starts + work
        rows.append((number, arrives, work, worker + 1, starts - arrives, starts + work))
    return rows


def app(environ, start_response):
    try:
        workers = int(parse_qs(environ.get("QUERY_STRING", "")).get("workers", ["3"])[0])
    except ValueError:
        workers = 3
    workers = max(1, min(workers, 16))
    lines = [f"{workers} sync workers", "req  arrives  work  worker  waited  done"]
    for number, arrives, work, worker, waited, done in simulate(workers, WORKLOAD):
        lines.append(f"{number:>3}  {arrives:>7.1f}  {work:>4.1f}  {worker:>6}  {waited:>6.1f}  {done:>4.1f}")
    body = ("\n".join(lines) + "\n").encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
