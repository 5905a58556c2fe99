"""The ASGI server on the virtual-time event loop: interleaving, stalls, spec order, violations."""
import unittest

from support import app_dir, by_id, concurrency, without_real

ROUTES = app_dir("asgi_routes")


def run(requests, **kwargs):
    return concurrency.run_loop({"requests": requests}, ROUTES, "app:app", **kwargs)


class Interleaving(unittest.TestCase):
    def test_awaiting_requests_overlap(self):
        # Ten requests each awaiting 10 s all finish at 10 s: the loop waits for them together.
        result = run([{"at": 0, "path": "/await"}] * 10)
        self.assertEqual({(r["start"], r["end"]) for r in result["requests"]}, {(0.0, 10.0)})
        self.assertEqual(result["metrics"]["latency"]["max"], 10.0)
        self.assertEqual(result["loop"]["blocked"], [])
        self.assertEqual(result["in_flight"], [[0.0, 10], [10.0, 0]])

    def test_fast_request_is_not_held_by_an_awaiting_one(self):
        recs = by_id(run([{"at": 0, "path": "/await"}, {"at": 1, "path": "/"}]))
        self.assertEqual((recs[1]["start"], recs[1]["end"], recs[1]["latency"]), (1.0, 1.0, 0.0))

    def test_slow_io_async_is_recorded_as_awaited_io(self):
        rec = run([{"at": 0.5, "path": "/await_io"}])["requests"][0]
        self.assertEqual(rec["segments"], [{"kind": "await_io", "call": "await slow_io_async(2)",
                                            "start": 0.5, "end": 2.5}])
        self.assertEqual(rec["warnings"], [])


class BlockingStall(unittest.TestCase):
    def test_time_sleep_stalls_every_other_request(self):
        # /await is due at 10 s, /block blocks the loop from 9 to 11: the awaiting one ends at 11,
        # and the fast request arriving at 10 cannot even start before 11.
        result = run([{"at": 0, "path": "/await"}, {"at": 9, "path": "/block"}, {"at": 10, "path": "/"}])
        recs = by_id(result)
        self.assertEqual((recs[0]["end"], recs[1]["end"]), (11.0, 11.0))
        self.assertEqual((recs[2]["start"], recs[2]["end"], recs[2]["wait"]), (11.0, 11.0, 1.0))
        self.assertEqual(result["loop"]["blocked"], [
            {"kind": "sleep", "call": "time.sleep(2)", "start": 9.0, "end": 11.0, "request": 1}])
        self.assertEqual(recs[1]["warnings"][0]["rule"], "blocking-call")
        self.assertEqual(result["queue"], [[0.0, 0], [10.0, 1], [11.0, 0]])

    def test_blocking_requests_run_one_after_another(self):
        # Three /block_io (slow_io(3) without await) at t=0: 0-3, 3-6, 6-9, like a single sync worker.
        result = run([{"at": 0, "path": "/block_io"}] * 3)
        self.assertEqual([(r["start"], r["end"]) for r in result["requests"]],
                         [(0.0, 3.0), (3.0, 6.0), (6.0, 9.0)])
        self.assertEqual(result["loop"]["blocked_total"], 9.0)
        self.assertEqual(result["metrics"]["latency"], {"p50": 6.0, "p95": 9.0, "max": 9.0, "mean": 6.0})

    def test_cpu_work_blocks_too(self):
        result = run([{"at": 0, "path": "/cpu"}, {"at": 0, "path": "/"}])
        self.assertEqual(by_id(result)[1]["start"], 0.5)
        self.assertEqual(result["loop"]["blocked"][0]["kind"], "cpu")

    def test_reader_timing_sees_virtual_seconds(self):
        # The handler times `await asyncio.sleep(1.5)` with time.monotonic() while /block stalls
        # the loop from 1 to 3: it measures 3 s, the stall included; time.time() is the fixed epoch.
        recs = by_id(run([{"at": 0, "path": "/clock"}, {"at": 1, "path": "/block"}]))
        self.assertEqual(recs[0]["stdout"], "took 3.000\n")
        self.assertEqual(recs[0]["body_preview"], "1767225603.0")


class EventOrder(unittest.TestCase):
    def test_streamed_response_follows_the_spec(self):
        rec = run([{"at": 0, "path": "/stream"}])["requests"][0]
        order = [(e["dir"], e["type"], e.get("more_body"), e["t"]) for e in rec["events"]]
        self.assertEqual(order, [
            ("send", "http.response.start", None, 0.0),
            ("send", "http.response.body", True, 1.0),
            ("send", "http.response.body", True, 2.0),
            ("send", "http.response.body", True, 3.0),
            ("send", "http.response.body", False, 3.0),
        ])
        self.assertEqual((rec["outcome"], rec["status"], rec["body_preview"]), ("complete", "200 OK", "one two three"))

    def test_request_body_arrives_in_chunks_then_disconnect(self):
        rec = run([{"at": 0, "path": "/echo", "method": "POST", "body": "a" * 40}], body_chunk=16)["requests"][0]
        received = [(e["type"], e.get("more_body"), e.get("bytes")) for e in rec["events"] if e["dir"] == "receive"]
        self.assertEqual(received, [("http.request", True, 16), ("http.request", True, 16),
                                    ("http.request", False, 8)])
        self.assertEqual(rec["body_preview"], "a" * 40)
        self.assertEqual(rec["violations"], [])


class Violations(unittest.TestCase):
    def one(self, path, **kwargs):
        return run([{"at": 0, "path": path, **kwargs}], body_chunk=16)["requests"][0]

    def rules(self, rec):
        return [v["rule"] for v in rec["violations"]]

    def test_body_before_start_gets_uvicorns_error_and_a_500(self):
        rec = self.one("/body_first")
        self.assertEqual(self.rules(rec), ["body-before-start"])
        self.assertEqual(rec["status"], "500 Internal Server Error")
        self.assertIn("Expected ASGI message 'http.response.start', but got 'http.response.body'",
                      rec["error"]["message"])
        v = rec["violations"][0]
        self.assertIn("Response Start", v["spec"])
        self.assertTrue(v["fix"])

    def test_start_twice_cuts_the_response(self):
        rec = self.one("/start_twice")
        self.assertEqual((self.rules(rec), rec["outcome"]), (["start-twice"], "cut"))

    def test_missing_final_more_body_false_cuts_the_response(self):
        rec = self.one("/no_final")
        self.assertEqual((self.rules(rec), rec["outcome"], rec["body_preview"]),
                         (["never-completed"], "cut", "partial"))

    def test_ignoring_request_more_body_is_reported(self):
        rec = self.one("/echo_first", method="POST", body="b" * 40)
        self.assertEqual((self.rules(rec), rec["body_preview"]), (["request-body-unread"], "b" * 16))

    def test_returning_without_a_response_gets_a_500(self):
        rec = self.one("/silent")
        self.assertEqual((self.rules(rec), rec["status"], rec["outcome"]),
                         (["never-started"], "500 Internal Server Error", "complete"))

    def test_str_body(self):
        self.assertEqual(self.rules(self.one("/str_body")), ["bad-body"])

    def test_exception_before_start_is_a_500_with_the_readers_line(self):
        rec = self.one("/boom")
        self.assertEqual(rec["status"], "500 Internal Server Error")
        self.assertEqual((rec["error"]["kind"], rec["error"]["file"]), ("app_exception", "app.py"))
        self.assertNotIn("asgi_server.py", rec["error"]["traceback"])

    def test_waiting_for_disconnect_before_responding_never_finishes(self):
        result = run([{"at": 0, "path": "/hang"}, {"at": 1, "path": "/"}])
        recs = by_id(result)
        self.assertEqual((recs[0]["outcome"], self.rules(recs[0])), ("unfinished", ["never-finished"]))
        self.assertEqual(recs[1]["outcome"], "complete")

    def test_threads_are_refused_with_a_reason(self):
        rec = self.one("/thread")
        self.assertEqual(rec["status"], "500 Internal Server Error")
        self.assertIn("need threads", rec["error"]["message"])

    def test_endless_tasks_are_stopped(self):
        self.assertEqual(self.rules(self.one("/forever")), ["ran-past-end"])
        self.assertEqual(self.rules(self.one("/spin")), ["starved-loop"])


class Isolation(unittest.TestCase):
    def test_two_runs_are_identical(self):
        requests = [{"at": i * 0.25, "path": p} for i, p in enumerate(["/await", "/block", "/", "/stream", "/clock"] * 4)]
        self.assertEqual(without_real(run(requests)), without_real(run(requests)))

    def test_background_tasks_do_not_leak_into_the_next_run(self):
        probe = []
        import sys
        sys.modules["leak_probe"] = type(sys)("leak_probe")
        sys.modules["leak_probe"].events = probe
        try:
            concurrency.run_loop({"requests": [{"at": 0, "path": "/"}]}, app_dir("asgi_leaky"), "app:app")
            self.assertEqual(probe[-1], "cancelled")
            ticks = len(probe)
            run([{"at": 0, "path": "/await"}])
            self.assertEqual(len(probe), ticks)
        finally:
            del sys.modules["leak_probe"]

    def test_runs_from_inside_another_running_loop(self):
        # The browser worker may call in from a coroutine on Pyodide's own loop.
        import asyncio

        async def outer():
            result = run([{"at": 0, "path": "/await"}])
            await asyncio.sleep(0)          # the outer loop still works afterwards
            return result

        self.assertEqual(asyncio.run(outer())["requests"][0]["end"], 10.0)

    def test_a_wsgi_app_is_named_as_such(self):
        result = concurrency.run_loop({"requests": ["/"]}, app_dir("wsgi_basic"), "app:app")
        self.assertEqual(result["requests"][0]["violations"][0]["rule"], "wsgi-app")


if __name__ == "__main__":
    unittest.main()


class WebSockets(unittest.TestCase):
    """A scripted client: connect, its messages `gap` seconds apart once accepted, then it leaves."""

    def ws(self, path, messages=("a", "b"), **extra):
        dir_ = app_dir("asgi_ws")
        item = {"path": path, "websocket": list(messages), **extra}
        return concurrency.run_loop({"requests": [item]}, dir_, "app:app")["requests"][0]

    def test_a_conversation_message_by_message(self):
        rec = self.ws("/echo", gap=0.5)
        self.assertEqual([(e["t"], e["dir"], e["type"], e.get("text"), e.get("code")) for e in rec["events"]], [
            (0.0, "receive", "websocket.connect", None, None),
            (0.0, "send", "websocket.accept", None, None),
            (0.5, "receive", "websocket.receive", "a", None),
            (0.5, "send", "websocket.send", "A", None),
            (1.0, "receive", "websocket.receive", "b", None),
            (1.0, "send", "websocket.send", "B", None),
            (1.5, "receive", "websocket.disconnect", None, 1000)])
        self.assertEqual((rec["status"], rec["outcome"], rec["end"], rec["violations"]),
                         ("101 Switching Protocols", "complete", 1.5, []))

    def test_close_before_accept_refuses_the_handshake(self):
        rec = self.ws("/refuse")
        self.assertEqual((rec["status"], rec["outcome"], rec["violations"]), ("403 Forbidden", "complete", []))

    def test_returning_without_accepting_is_a_500(self):
        rec = self.ws("/forget")
        self.assertEqual(rec["status"], "500 Internal Server Error")
        self.assertEqual([v["rule"] for v in rec["violations"]], ["ws-never-accepted"])

    def test_sending_before_accept_is_an_error(self):
        rec = self.ws("/too-early")
        self.assertEqual([v["rule"] for v in rec["violations"]], ["ws-before-accept"])
        self.assertEqual(rec["status"], "500 Internal Server Error")
        self.assertIn("RuntimeError", rec["error"]["message"])

    def test_an_exception_after_accept_cuts_the_connection(self):
        rec = self.ws("/crash")
        self.assertEqual((rec["outcome"], rec["status"]), ("cut", "101 Switching Protocols"))
        self.assertIn("ValueError: boom", rec["error"]["message"])

    def test_sending_after_close_is_flagged_and_later_client_messages_never_arrive(self):
        rec = self.ws("/bye", messages=("x", "y"))
        self.assertEqual([v["rule"] for v in rec["violations"]], ["ws-after-close"])
        self.assertEqual([e.get("text") for e in rec["events"] if e["type"] == "websocket.receive"], ["x"])

    def test_http_on_the_same_app_still_works(self):
        dir_ = app_dir("asgi_ws")
        rec = concurrency.run_loop({"requests": [{"path": "/"}]}, dir_, "app:app")["requests"][0]
        self.assertEqual((rec["status"], rec["body_preview"]), ("200 OK", "plain http"))

    def test_a_bad_script_is_a_workload_error(self):
        dir_ = app_dir("asgi_ws")
        for bad in ({"websocket": "hi"}, {"websocket": [1]}, {"websocket": [], "gap": 0}):
            result = concurrency.run_loop({"requests": [{"path": "/", **bad}]}, dir_, "app:app")
            self.assertEqual(result["error"]["kind"], "workload", bad)

    def test_messages_option_logs_http_body_text(self):
        dir_ = app_dir("asgi_ws")
        rec = concurrency.run_loop({"requests": [{"path": "/"}]}, dir_, "app:app", messages=True)["requests"][0]
        self.assertEqual([e.get("text") for e in rec["events"]], [None, "plain http"])


class ScriptAsyncioRun(unittest.TestCase):
    """A reader's script in the page: asyncio.run runs on the virtual clock (script_loop.py)."""

    def test_asyncio_run_waits_in_virtual_time_and_is_restored(self):
        import asyncio
        import time
        from concurrency.script_loop import asyncio_run_on_virtual_time

        async def main():
            start = time.perf_counter()
            await asyncio.gather(asyncio.sleep(5), asyncio.sleep(3))
            return time.perf_counter() - start

        real_start = time.process_time()
        real_run = asyncio.run
        with asyncio_run_on_virtual_time():
            self.assertEqual(asyncio.run(main()), 5.0)
        self.assertIs(asyncio.run, real_run)
        self.assertLess(time.process_time() - real_start, 2.0)
