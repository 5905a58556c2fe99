"""A pre-fork server as a discrete-event simulation: a master, N sync workers, one FIFO queue.

Because time is virtual, a request can run to completion the moment it is picked up:
the time it consumed (sleep, slow_io, cpu_work) is the worker's busy time. Requests are
handed out in arrival order, so each worker still serves its own requests in order,
with its own module globals, as a separate process would.

Modelled on gunicorn's sync worker: a worker serves one request at a time; a request
that keeps its worker past `timeout` virtual seconds gets the worker killed by the master
(the client sees the connection close; behind nginx, a 502), and the master boots a
replacement, which imports the app afresh.
"""

from .app_loader import load_app
from .virtual_clock import WorkerTimeout
from .records import new_record

FIRST_PID = 101     # fixed process ids, so logs are identical on every run


class Worker:
    """One worker process: its app, its modules, when it is next free, what it did."""

    def __init__(self, index, pid):
        self.index = index
        self.pid = pid
        self.app = None
        self.modules = None
        self.free_at = 0.0
        self.boots = []
        self.busy = []


class PreforkPool:
    """Serves a workload with `workers` sync workers; serve() returns the request records."""

    def __init__(self, clock, app_dir, app_spec, workers, serve_one, timeout=30.0):
        self.clock = clock
        self.app_dir = app_dir
        self.app_spec = app_spec
        self.serve_one = serve_one      # (app, app_dir, request) -> partial record from the WSGI core
        self.timeout = timeout
        self.workers = [Worker(i, FIRST_PID + i) for i in range(workers)]
        self.next_pid = FIRST_PID + workers
        self.log = []

    def _say(self, t, text):
        self.log.append({"t": t, "text": text})

    def boot(self, worker, at):
        """Start (or restart) a worker at virtual time `at`: it imports the app itself."""
        self.clock.now = at
        self.clock.deadline = None
        self._say(at, f"[INFO] Booting worker with pid: {worker.pid}")
        worker.app, worker.modules, output = load_app(self.app_dir, self.app_spec)
        worker.free_at = self.clock.now
        # Import-time sleeps (a slow start-up) keep the worker from serving until done.
        worker.boots.append({"pid": worker.pid, "start": at, "end": self.clock.now,
                             "segments": self.clock.take_segments(), "stdout": output})

    def pick(self, at):
        """The worker that takes a request arriving at `at`: the lowest-numbered idle one,
        else the first to become free (ties go to the lower number)."""
        idle = [w for w in self.workers if w.free_at <= at]
        if idle:
            return idle[0]
        return min(self.workers, key=lambda w: (w.free_at, w.index))

    def serve(self, requests):
        """Boot every worker at t=0, then serve the requests in arrival order."""
        for worker in self.workers:
            self.boot(worker, 0.0)
        records = []
        for request in requests:
            records.append(self._serve(request))
        return records

    def _serve(self, request):
        worker = self.pick(request["at"])
        rec = new_record(request)
        rec["worker"] = worker.index
        rec["pid"] = worker.pid
        start = max(request["at"], worker.free_at)
        rec["start"] = self.clock.now = start
        self.clock.deadline = start + self.timeout if self.timeout else None
        self.clock.take_segments()
        self.clock.timed_out = False
        try:
            with worker.modules:
                rec.update(self.serve_one(worker.app, self.app_dir, request))
        except WorkerTimeout:
            pass
        killed = self.clock.timed_out
        rec["segments"] = self.clock.take_segments()
        rec["end"] = self.clock.now
        worker.busy.append({"request": rec["id"], "start": start, "end": rec["end"]})
        worker.free_at = rec["end"]
        if killed:
            self._kill(worker, rec)
        return rec

    def _kill(self, worker, rec):
        t = rec["end"]
        rec.update(outcome="killed", status=None, body=b"")
        rec["error"] = {"kind": "worker_timeout", "message": (
            f"WORKER TIMEOUT: the request held worker {worker.index} (pid {worker.pid}) for "
            f"{self.timeout:g} s; the master killed it and the client's connection closed."),
            "traceback": "", "line": None, "file": None}
        worker.busy[-1]["outcome"] = "killed"
        self._say(t, f"[CRITICAL] WORKER TIMEOUT (pid:{worker.pid})")
        worker.pid = self.next_pid
        self.next_pid += 1
        self.boot(worker, t)
