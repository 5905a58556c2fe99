"""Print the trace events of one fixture stack as JSON (for the onion model's unit tests)."""
import json
import sys

from helpers import run

if __name__ == "__main__":
    spec, target = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/"
    headers = sys.argv[3] if len(sys.argv) > 3 else ""
    json.dump(run(spec, target, headers)["events"], sys.stdout, default=repr)
