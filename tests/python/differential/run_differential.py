"""Differential test: the same raw requests to wsgiref, gunicorn and waitress and to the simulator
(batch command line, i.e. Pyodide). Each personality must match its server byte for byte (Date
values aside) and in whether the connection stays open; the reference mode must match every
component (status, app headers, body, completeness) on which the three servers agree.
Exit status 1 on any difference; the per-mode counts go to stdout (and --json FILE)."""
import json
import sys
import tempfile

from concurrent.futures import ThreadPoolExecutor

from capture import capture
from cases import ALL, HALF_CLOSED
from compare import agreed, components, mismatch, normalise
from realservers import APT, PORTS, missing_servers
from simulator import run_batch


def waiting(real):
    """The real server answered nothing and kept the connection open: it waits for more bytes."""
    return not real["response"] and not real["closed"]


def simulator_waits(got):
    """The simulator says the server waits for bytes the client never sends."""
    return bool(got["error"]) and got["error"]["kind"] == "timeout"


def main(argv):
    missing = missing_servers()
    if missing:
        print("missing real servers: %s\ninstall them with: %s" % (", ".join(missing), APT))
        return 1
    cases = []
    for case, raw in ALL.items():
        for mode, port in PORTS.items():
            cases.append({"id": "%s|%s" % (mode, case), "raw": raw, "mode": mode,
                          "server_addr": ("127.0.0.1", port), "half_close": case in HALF_CLOSED})
        cases.append({"id": "reference|" + case, "raw": raw, "mode": "reference",
                      "half_close": case in HALF_CLOSED})
    # The simulator (CPU, in Node) runs while the real servers are captured (mostly waiting on sockets).
    with ThreadPoolExecutor(1) as pool:
        batch = pool.submit(run_batch, cases)
        real = capture()
        sim, timing = batch.result()
    report = {"cases": len(ALL), "timing": timing, "modes": {}}
    failed = False
    agreed_parts = 0
    for mode in list(PORTS) + ["reference"]:
        ok, bad = 0, []
        for case in ALL:
            got = sim["%s|%s" % (mode, case)]
            if got["error"] and got["error"]["kind"] == "internal":  # never acceptable
                bad.append((case, "simulator error: " + got["error"]["message"]))
                continue
            if mode == "reference":
                servers = {m: {"response": real[m][case]["response"], "closed": real[m][case]["closed"]}
                           for m in PORTS}
                head = ALL[case].startswith(b"HEAD ")
                expect, mine = agreed(servers, head), components(got["response"], not got["keep_alive"], head)
                waits = {waiting(real[m][case]) for m in PORTS}
                if len(waits) == 1:  # all three wait for the rest of the request, or none does
                    expect["waits"], mine["waits"] = waits.pop(), simulator_waits(got)
                diff = ["%s: servers %r, reference %r" % (k, expect[k], mine.get(k))
                        for k in expect if expect[k] != mine.get(k)]
                agreed_parts += len(expect)
                problem = "; ".join(diff)[:400]
            else:
                r = real[mode][case]
                problem = mismatch(normalise(r["response"]), normalise(got["response"]))
                if not problem and r["response"] and r["closed"] == got["keep_alive"]:
                    problem = "connection: real closed=%s, simulator keep_alive=%s" % (
                        r["closed"], got["keep_alive"])
                if not problem and r["response"] and ALL[case].startswith(b"HEAD "):
                    # A HEAD answer is whole after its header section: the client's reading of the
                    # real bytes is the outcome. (Elsewhere a close-delimited body cut by the server
                    # reads as complete to a client, so only the simulator can tell.)
                    real_outcome = components(r["response"], r["closed"], True)["outcome"]
                    if real_outcome != got["outcome"]:
                        problem = "outcome: real %s, simulator %s" % (real_outcome, got["outcome"])
                if not problem and waiting(r) != simulator_waits(got):
                    problem = "waiting: real server waits=%s, simulator waits=%s" % (
                        waiting(r), simulator_waits(got))
            if problem:
                bad.append((case, problem))
            else:
                ok += 1
        report["modes"][mode] = {"match": ok, "differ": len(bad), "differences": bad}
        failed = failed or bool(bad)
        print("%-9s %3d/%d match" % (mode, ok, len(ALL))
              + (" (%d parts on which all three servers agree)" % agreed_parts if mode == "reference" else ""))
        for case, problem in bad:
            print("    %s: %s" % (case, problem))
    print("batch (Pyodide in Node): %d requests, %.2f ms each, start %d ms" % (
        timing["requests"], timing["per_request_ms"], timing["startup_ms"]))
    if "--json" in argv:
        with open(argv[argv.index("--json") + 1], "w") as fh:
            json.dump(report, fh, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
