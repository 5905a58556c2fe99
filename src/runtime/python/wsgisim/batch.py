"""Many raw requests in one interpreter start: the batch entry used by the command line and tests."""
import base64
import json
import time

from .api import run_request


def jsonable_result(result):
    """A run_request result as JSON-able data: the bytes fields become base64 strings."""
    out = dict(result)
    out["response"] = base64.b64encode(result["response"]).decode("ascii")
    out["body"] = base64.b64encode(result["body"]).decode("ascii")
    return out


def run_case(case):
    """Run one case: {"raw": base64, "app_dir", "app_spec", "mode"?, "trace"?, "server_addr"?,
    "half_close"?}."""
    kwargs = {"app_dir": case["app_dir"], "app_spec": case.get("app_spec", "app:app"),
              "mode": case.get("mode", "reference"), "trace": case.get("trace", True),
              "half_close": bool(case.get("half_close", False))}
    if case.get("server_addr"):
        kwargs["server_addr"] = tuple(case["server_addr"])
    start = time.perf_counter()
    result = run_request(base64.b64decode(case["raw"]), **kwargs)
    out = jsonable_result(result)
    out["id"] = case.get("id")
    out["ms"] = round((time.perf_counter() - start) * 1000, 3)
    return out


def run_batch_json(cases_json):
    """JSON list of cases in, JSON list of results out (one interpreter, many requests)."""
    return json.dumps([run_case(case) for case in json.loads(cases_json)])
