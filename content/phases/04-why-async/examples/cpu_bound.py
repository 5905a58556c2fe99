def count_primes(limit):
    sieve = bytearray([1]) * limit
    sieve[0:2] = b"\x00\x00"
    for n in range(2, int(limit ** 0.5) + 1):
        if sieve[n]:
            sieve[n * n::n] = bytearray(len(sieve[n * n::n]))
    return sum(sieve)


def app(environ, start_response):
    # Pure computation: no waiting on I/O, so there is nothing for async to overlap.
    body = f"{count_primes(200_000)} primes below 200000\n".encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
