"""Send every differential case to the three real servers; write their bytes as JSON."""
import base64
import json
import sys
import tempfile

from cases import ALL
from realservers import exchange, running


def capture(names=("wsgiref", "gunicorn", "waitress"), cases=ALL):
    """{server: {case: {"response": bytes, "closed": bool}}} from the live servers."""
    out = {}
    with tempfile.TemporaryDirectory() as logs, running(names, logs) as ports:
        for name, port in ports.items():
            out[name] = {}
            for case, raw in cases.items():
                data, closed = exchange(port, raw)
                out[name][case] = {"response": data, "closed": closed}
    return out


if __name__ == "__main__":
    found = capture()
    for cases in found.values():
        for item in cases.values():
            item["response"] = base64.b64encode(item["response"]).decode()
    json.dump(found, open(sys.argv[1], "w"), indent=1)
