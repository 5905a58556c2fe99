"""Turn the errors that mean "a limit of the browser's Python was hit" into a message for the reader."""

MEMORY = ("Memory limit: the code asked for more memory than the browser's Python can give it "
          "(it runs in 32-bit WebAssembly, at most a few GB; often much less). Build smaller data, or "
          "stream it in pieces instead of holding it all at once.")
RECURSION = ("Recursion limit: a function kept calling itself ({detail}). Add a base case that stops "
             "the recursion, or use a loop.")

EXIT = ("sys.exit({code}) was called. On a real server that would stop the whole worker process, not just "
        "this request; here only the request ended. Return a response (an error status if something is "
        "wrong) instead of exiting.")


def classify(exc_type, message):
    """(kind, reader_message) for a limit-type exception named `exc_type`, or None for ordinary errors."""
    if exc_type == "MemoryError":
        return "memory", MEMORY
    if exc_type == "OverflowError" and "index-sized integer" in message:
        # On wasm32 a size past 2**31 cannot even be requested: the same problem as MemoryError.
        return "memory", f"{MEMORY} (Python said: OverflowError: {message})"
    if exc_type == "RecursionError":
        return "recursion", RECURSION.format(detail=message or "maximum recursion depth exceeded")
    if exc_type == "SystemExit":
        return "exit", EXIT.format(code=message or "None")
    if exc_type == "ThreadsUnavailable":
        return "threads", message
    if exc_type == "OutputLimitExceeded":
        return "output-limit", message
    return None


def last_exception_line(traceback_text):
    """(type, message) from the final line of a formatted traceback, e.g. ('MemoryError', '')."""
    lines = [l for l in (traceback_text or "").strip().splitlines() if l and not l.startswith(" ")]
    if not lines:
        return "", ""
    head, _, rest = lines[-1].partition(":")
    return head.rsplit(".", 1)[-1].strip(), rest.strip()
