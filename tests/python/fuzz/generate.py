"""Seeded random and mutated raw HTTP requests (deterministic: same seed, same requests)."""
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "differential"))
from cases import MALFORMED, REQUESTS  # noqa: E402

METHODS = [b"GET", b"POST", b"HEAD", b"PUT", b"DELETE", b"OPTIONS", b"get", b"G(T", b"", b"PATCH"]
VERSIONS = [b"HTTP/1.1", b"HTTP/1.0", b"HTTP/0.9", b"HTTP/2.0", b"HTTP/1.", b"http/1.1", b"HTTP/11",
            b"HTTP/1.1 ", b""]
TARGETS = [b"/", b"/a%2Fb", b"/caf%C3%A9", b"/%", b"/%zz", b"*", b"http://h/x?y", b"//x", b"/?",
           b"/a b", b"/\xff", b"/#f", b"/" + b"a" * 300, b"?q", b""]
NAMES = [b"Host", b"Accept", b"X-Dup", b"Content-Length", b"Transfer-Encoding", b"Expect", b"X_Under",
         b"Connection", b"Content-Type", b"Bad Name", b"", b"X\x00", b"Cookie"]
VALUES = [b"localhost", b"text/html", b"a, b", b"5", b"-1", b"chunked", b"gzip", b"100-continue", b"close", b"a\rb",
          b"", b"  padded ", b"\xe9t\xe9", b"keep-alive", b"99999999999999999999", b"0"]
INSERTS = [b"\r", b"\n", b"\r\n", b"\r\n\r\n", b" ", b":", b"\x00", b"%", b"\xff", b"\t", b";"]


def pick(rng, options, sane=3):
    """Mostly one of the first `sane` (well-formed) options, sometimes any of them."""
    return rng.choice(options[:sane] if rng.random() < 0.7 else options)


def structured(rng):
    """A request built from random parts: request line, headers, a body and maybe chunks."""
    line = b" ".join(pick(rng, p) for p in (METHODS, TARGETS, VERSIONS))
    headers = b"".join(pick(rng, NAMES) + pick(rng, [b": ", b":", b" : "], 2) + pick(rng, VALUES)
                       + b"\r\n" for _ in range(rng.randint(0, 5)))
    if rng.random() < 0.3:
        sizes = [rng.randint(0, 20) for _ in range(rng.randint(0, 3))]
        body = b"".join(b"%x\r\n%s\r\n" % (n, b"x" * n) for n in sizes) + rng.choice([b"0\r\n\r\n", b"zz\r\n", b""])
        headers += b"Transfer-Encoding: chunked\r\n"
    else:
        body = bytes(rng.randint(32, 126) for _ in range(rng.randint(0, 30)))
    return line + b"\r\n" + headers + pick(rng, [b"\r\n", b"", b"\n"], 1) + body


def mutate(rng, data):
    """Apply one random mutation to raw request bytes."""
    pos = rng.randint(0, len(data)) if data else 0
    kind = rng.randrange(6)
    if kind == 0 and data:
        i = rng.randrange(len(data))
        return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
    if kind == 1:
        return data[:pos] + rng.choice(INSERTS) + data[pos:]
    if kind == 2:
        return data[:pos] + data[pos + rng.randint(1, 10):]
    if kind == 3:
        return data[:pos]
    if kind == 4:
        lines = data.split(b"\r\n")
        i = rng.randrange(len(lines))
        return b"\r\n".join(lines[:i + 1] + [lines[i]] + lines[i + 1:])
    return data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[pos:]


def generate(count=1000, seed=3333):
    """`count` raw requests: half structured, most of the rest mutated, a few pure noise."""
    rng = random.Random(seed)
    corpus = list(REQUESTS.values()) + list(MALFORMED.values())
    out = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.5:
            data = structured(rng)
        elif roll < 0.95:
            data = rng.choice(corpus)
            for _ in range(rng.randint(1, 3)):
                data = mutate(rng, data)
        else:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 120)))
        out.append(data)
    return out
