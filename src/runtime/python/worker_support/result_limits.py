"""What of a run's result crosses from the worker to the page: an app can send 100,000 headers, and
every one copied to the page (in the result, in the start_response events and in the layers' summaries)
costs the page's
main thread time to receive. Past `header_limit` (run setting "headerLimit", default HEADER_LIMIT)
the lists are cut and the true count is kept beside them ("headersTotal"); the raw response bytes,
capped separately by "responseLimit", still hold every header the app sent.
"""

HEADER_LIMIT = 1000


def trim_result(server, header_limit=HEADER_LIMIT):
    """Cut the header lists of `server` (a run's result dict) in place, recording the true counts."""
    _trim(server, header_limit)
    for event in server.get("events") or []:
        if isinstance(event, dict):
            _trim(event, header_limit)
    return server


def _trim(record, limit, depth=0):
    headers = record.get("headers")
    if isinstance(headers, list) and len(headers) > limit:
        record["headersTotal"] = len(headers)
        record["headers"] = headers[:limit]
    if depth < 4:  # e.g. a layer_summary event's start_response["passed"][0]["headers"]
        for value in record.values():
            for item in (value if isinstance(value, list) else [value]):
                if isinstance(item, dict):
                    _trim(item, limit, depth + 1)
