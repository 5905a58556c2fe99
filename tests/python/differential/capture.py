"""Send every differential case to the three real servers; write their bytes as JSON."""
import base64
import json
import sys
import tempfile

from concurrent.futures import ThreadPoolExecutor

from pathlib import Path

from cases import ALL, CONNECTION, HALF_CLOSED
from compare import normalise
from realservers import exchange, running

GOLDEN = Path(__file__).resolve().parent / "golden" / "real-servers.json"


def capture(names=("wsgiref", "gunicorn", "waitress"), cases=ALL):
    """{server: {case: {"response": bytes, "closed": bool}}} from the live servers."""
    def one_server(port):
        found = {}
        for case, raw in cases.items():
            # A server that waits for the rest of a request answers nothing: wait less long.
            data, closed = exchange(port, raw, half_close=case in HALF_CLOSED,
                                    total=2.0 if case in CONNECTION else 4.0)
            found[case] = {"response": data, "closed": closed}
        return found

    # The three servers are separate processes on separate ports and the time is spent waiting
    # for their answers: one thread per server (each still sends its cases one by one), 3x faster.
    with tempfile.TemporaryDirectory() as logs, running(names, logs) as ports, \
            ThreadPoolExecutor(len(ports)) as pool:
        futures = {name: pool.submit(one_server, port) for name, port in ports.items()}
        return {name: future.result() for name, future in futures.items()}


def save_golden(found, path):
    """Write the measured bytes (Date values replaced) as readable latin-1 text, for unit tests."""
    golden = {server: {case: {"response": normalise(item["response"]).decode("latin-1"),
                              "closed": item["closed"]} for case, item in sorted(cases.items())}
              for server, cases in found.items()}
    with open(path, "w") as fh:
        json.dump(golden, fh, indent=0, sort_keys=True)
        fh.write("\n")


if __name__ == "__main__":
    # python3 capture.py out.json           raw capture (base64)
    # python3 capture.py --golden           refresh golden/real-servers.json from the live servers
    found = capture()
    if sys.argv[1:] == ["--golden"]:
        save_golden(found, GOLDEN)
        sys.exit(0)
    for cases in found.values():
        for item in cases.values():
            item["response"] = base64.b64encode(item["response"]).decode()
    json.dump(found, open(sys.argv[1], "w"), indent=1)
