"""The pre-fork pool: hand-computed schedules, per-worker globals, worker timeouts, errors."""
import unittest

from support import app_dir, by_id, concurrency, without_real

BASIC = app_dir("wsgi_basic")    # "/" takes 0.1 s of slow_io, "/slow" 10 s
EDGE = app_dir("wsgi_edge")
TEN = ["/", "/slow", "/", "/", "/slow", "/", "/", "/slow", "/", "/"]


def pool(paths_or_requests, app=BASIC, **kwargs):
    requests = [{"at": 0, "path": p} if isinstance(p, str) else p for p in paths_or_requests]
    return concurrency.run_pool({"requests": requests}, app, "app:app", **kwargs)


class Schedule(unittest.TestCase):
    def test_three_workers_ten_requests_at_once_three_slow(self):
        # By hand: a request goes to the lowest-numbered idle worker, else waits (FIFO) for the
        # first worker to be free. r0 w0 0-0.1 | r1 w1 0-10 | r2 w2 0-0.1 | r3 w0 0.1-0.2 |
        # r4 w2 0.1-10.1 | r5 w0 0.2-0.3 | r6 w0 0.3-0.4 | r7 w0 0.4-10.4 | r8 w1 10-10.1 | r9 w1 10.1-10.2
        result = pool(TEN, workers=3)
        got = [(r["id"], r["worker"], r["start"], r["end"]) for r in result["requests"]]
        self.assertEqual(got, [
            (0, 0, 0.0, 0.1), (1, 1, 0.0, 10.0), (2, 2, 0.0, 0.1), (3, 0, 0.1, 0.2),
            (4, 2, 0.1, 10.1), (5, 0, 0.2, 0.3), (6, 0, 0.3, 0.4), (7, 0, 0.4, 10.4),
            (8, 1, 10.0, 10.1), (9, 1, 10.1, 10.2)])
        m = result["metrics"]
        self.assertEqual((m["latency"]["p50"], m["latency"]["p95"], m["latency"]["max"]), (0.4, 10.4, 10.4))
        self.assertEqual(result["queue"], [[0.0, 7], [0.1, 5], [0.2, 4], [0.3, 3], [0.4, 2], [10.0, 1], [10.1, 0]])
        self.assertEqual(result["throughput"], [{"second": 0, "finished": 5}, {"second": 1, "finished": 0},
                                                *[{"second": s, "finished": 0} for s in range(2, 10)],
                                                {"second": 10, "finished": 5}])
        self.assertEqual(result["workers"][1]["busy"], [
            {"request": 1, "start": 0.0, "end": 10.0}, {"request": 8, "start": 10.0, "end": 10.1},
            {"request": 9, "start": 10.1, "end": 10.2}])

    def test_as_many_slow_requests_as_workers_stall_the_site(self):
        # Two workers, both taken by 10 s requests at t=0: a fast request at t=1 waits until 10.
        result = pool(["/slow", "/slow", {"at": 1, "path": "/"}], workers=2)
        fast = by_id(result)[2]
        self.assertEqual((fast["start"], fast["end"], fast["wait"], fast["latency"]), (10.0, 10.1, 9.0, 9.1))

    def test_one_worker_serves_strictly_in_order(self):
        result = pool(["/", "/slow", "/"], workers=1)
        self.assertEqual([(r["start"], r["end"]) for r in result["requests"]], [(0.0, 0.1), (0.1, 10.1), (10.1, 10.2)])
        self.assertEqual([r["segments"] for r in result["requests"]][1],
                         [{"kind": "io", "call": "slow_io(10)", "start": 0.1, "end": 10.1}])


class Workers(unittest.TestCase):
    def test_module_globals_are_per_worker(self):
        bodies = [r["body_preview"] for r in pool(TEN, workers=3)["requests"]]
        # Worker 0 served r0, r3, r5, r6, r7: its counter reached 5; workers 1 and 2 count on their own.
        self.assertEqual(bodies, ["request 1 on this worker", "request 1 on this worker", "request 1 on this worker",
                                  "request 2 on this worker", "request 2 on this worker", "request 3 on this worker",
                                  "request 4 on this worker", "request 5 on this worker", "request 2 on this worker",
                                  "request 3 on this worker"])

    def test_imported_modules_are_per_worker_and_start_up_time_counts(self):
        # Both workers import for 2 s. r0 keeps worker 0 busy 2-3.25, so r1 goes to worker 1
        # (its own helper module: hits 1); r2 at t=5 finds both idle and goes to worker 0 (hits 2).
        result = pool(["/time", "/", {"at": 5, "path": "/"}], app=EDGE, workers=2)
        self.assertEqual([(r["worker"], r["start"], r["body_preview"]) for r in result["requests"]][1:],
                         [(1, 2.0, "hits 1"), (0, 5.0, "hits 2")])
        self.assertEqual(result["workers"][0]["boots"][0]["end"], 2.0)
        self.assertEqual(result["workers"][1]["boots"][0]["stdout"], "worker ready at 2.0\n")

    def test_timing_inside_the_app_reads_virtual_time(self):
        rec = pool(["/time"], app=EDGE, workers=1)["requests"][0]
        self.assertEqual(rec["body_preview"], "1.250 booted 2.0")

    def test_worker_timeout_kills_and_the_master_restarts_it(self):
        result = pool(["/stuck", {"at": 1, "path": "/"}, {"at": 1, "path": "/"}], app=EDGE, workers=1, timeout=30)
        recs = by_id(result)
        # Boot 0-2, /stuck 2-32 killed; the new worker (pid 102) boots 32-34 and starts fresh (hits 1).
        self.assertEqual((recs[0]["outcome"], recs[0]["end"], recs[0]["status"]), ("killed", 32.0, None))
        self.assertEqual(recs[0]["error"]["kind"], "worker_timeout")
        self.assertEqual((recs[1]["start"], recs[1]["pid"], recs[1]["body_preview"]), (34.0, 102, "hits 1"))
        self.assertEqual(recs[2]["body_preview"], "hits 2")
        self.assertIn({"t": 32.0, "text": "[CRITICAL] WORKER TIMEOUT (pid:101)"}, result["log"])
        self.assertEqual([b["pid"] for b in result["workers"][0]["boots"]], [101, 102])
        self.assertEqual(result["metrics"]["outcomes"], {"killed": 1, "complete": 2})

    def test_a_bare_except_cannot_hide_the_kill(self):
        rec = pool(["/swallow"], app=EDGE, workers=1, timeout=10)["requests"][0]
        self.assertEqual((rec["outcome"], rec["end"]), ("killed", 12.0))

    def test_no_timeout(self):
        rec = pool(["/stuck"], app=EDGE, workers=1, timeout=None)["requests"][0]
        self.assertEqual((rec["outcome"], rec["end"]), ("complete", 47.0))


class ThroughTheCore(unittest.TestCase):
    def test_core_violations_and_500_reach_the_record(self):
        rec = pool(["/str"], app=EDGE, workers=1)["requests"][0]
        self.assertTrue(rec["violations"])
        self.assertTrue(all("pep" in v and v["fix"] for v in rec["violations"]))

    def test_app_load_error(self):
        result = pool(["/"], app=app_dir("wsgi_broken"))
        self.assertEqual(result["error"]["kind"], "app_load")
        self.assertIn("SyntaxError", result["error"]["message"])
        self.assertEqual(result["requests"], [])

    def test_bad_settings_and_workload(self):
        self.assertEqual(pool(["/"], workers=0)["error"]["kind"], "settings")
        self.assertEqual(concurrency.run_pool({"requests": []}, BASIC)["error"]["kind"], "workload")

    def test_two_runs_are_identical(self):
        workload = {"generate": {"requests": 60, "rate": 3, "slow_share": 0.3, "pattern": "poisson", "seed": 9}}
        a = concurrency.run_pool(workload, BASIC, "app:app", workers=4)
        b = concurrency.run_pool(workload, BASIC, "app:app", workers=4)
        self.assertEqual(without_real(a), without_real(b))


if __name__ == "__main__":
    unittest.main()
