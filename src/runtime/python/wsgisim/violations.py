"""Every PEP 3333 rule the simulator checks: the rule, the PEP section, what went wrong, the fix.

Messages follow CPython's Lib/wsgiref/validate.py (state the broken rule and the value that broke
it), then say in plain words how to change the code.
"""

SR = "The start_response() Callable"
APP = "The Application/Framework Side"
CL = "Handling the Content-Length Header"
UNI = "Unicode Issues"
HOP = "Other HTTP Features"
WRITE = "The write() Callable"

# rule: (PEP 3333 section, message template, how to fix)
RULES = {
    "status_not_str": (SR, "Status must be a str, not {kind}: {value!r}",
                       "Pass the status as text, e.g. start_response('200 OK', headers)."),
    "status_format": (SR, "Status must be a 3-digit code, one space and a reason phrase (got {value!r})",
                      "Write both parts, e.g. '200 OK' or '404 Not Found'."),
    "status_control": (SR, "Status contains a CR, LF or other control character: {value!r}",
                       "Remove line breaks from the status; it must fit on the status line."),
    "headers_not_list": (SR, "Headers must be a list (type(headers) is list), not {kind}: {value!r}",
                         "Build the headers as a list of tuples: [('Content-Type', 'text/plain')]."),
    "header_not_tuple": (SR, "Each header must be a (name, value) tuple of two str, not {value!r}",
                         "Write each header as a pair: ('Content-Type', 'text/plain')."),
    "header_name_not_str": (SR, "Header name must be a str, not {kind}: {value!r}",
                            "Give header names as text, e.g. 'Content-Type'."),
    "header_value_not_str": (SR, "Header value for {name!r} must be a str, not {kind}: {value!r}",
                             "Convert the value to text first, e.g. str(len(body)) for Content-Length."),
    "header_name_invalid": (SR, "Header name {name!r} is not a valid HTTP token",
                            "Use only letters, digits and -, with no spaces or colons: 'X-Request-Id'."),
    "header_value_control": (SR, "Header value {value!r} for {name!r} contains CR, LF or another control "
                             "character; a client would read it as the start of a new header "
                             "(header injection)",
                             "Strip line breaks from values, especially ones built from request data."),
    "header_value_not_latin1": (UNI, "Header value {value!r} for {name!r} cannot be encoded as "
                                "latin-1 (ISO-8859-1), the only encoding headers may use",
                                "Keep header values in latin-1: percent-encode other text, or use "
                                "RFC 8187 for filenames (filename*=UTF-8''...)."),
    "hop_by_hop": (HOP, "{name!r} is a hop-by-hop header; the connection belongs to the server, "
                   "so an application must not set it",
                   "Remove the {name} header; the server decides how the connection is handled."),
    "header_status": (SR, "A header named 'Status' is not allowed; the status goes in the first "
                      "argument of start_response()",
                      "Drop the Status header and pass the status as start_response's first argument."),
    "content_length_invalid": (CL, "Content-Length must be a whole number of bytes, not {value!r}",
                               "Send str(len(body)) where body is the encoded bytes, or leave it out."),
    "start_response_twice": (SR, "start_response() was called a second time without exc_info",
                             "Call it once; only an error handler may call it again, passing "
                             "sys.exc_info() as the third argument."),
    "start_response_not_called": (APP, "The application produced its body without calling "
                                  "start_response() first",
                                  "Call start_response(status, headers) before returning or "
                                  "yielding the body."),
    "app_returned_not_iterable": (APP, "The application must return an iterable of bytes, but "
                                  "returned {value!r}",
                                  "End the app with `return [body]` where body is bytes."),
    "app_returned_str": (UNI, "The application returned a str ({value!r}); iterating it yields "
                         "single characters, not bytes",
                         "Encode the text and return a list: return [text.encode('utf-8')]."),
    "body_item_not_bytes": (UNI, "The body iterable yielded a {kind} ({value!r}); every item must "
                            "be bytes",
                            "Encode text before yielding it: yield text.encode('utf-8')."),
    "write_not_bytes": (WRITE, "write() was passed a {kind} ({value!r}); it only takes bytes",
                        "Encode first: write(text.encode('utf-8'))."),
    "write_before_start_response": (WRITE, "write() was called before start_response()",
                                    "Use the write callable that start_response returns."),
    "content_length_short": (CL, "The body has {sent} bytes but Content-Length says {declared}; the "
                             "client waits for bytes that never come, so the connection is closed",
                             "Compute Content-Length from the encoded body: str(len(body))."),
    "content_length_long": (CL, "The body has {sent} bytes but Content-Length says {declared}; "
                            "bytes past the declared length are not part of this response",
                            "Compute Content-Length from the encoded body: str(len(body))."),
    "body_not_allowed": (CL, "A {status!r} response must not have a body, but the application "
                         "sent {sent} bytes",
                         "Return an empty list for 1xx, 204 and 304 responses."),
}


def describe(rule, **values):
    """The violation record for `rule` with its message and fix filled in."""
    section, message, fix = RULES[rule]
    return {"rule": rule, "pep": section,
            "message": message.format(**values), "fix": fix.format(**values)}
