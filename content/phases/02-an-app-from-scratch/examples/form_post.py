from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qs


def read_form(environ):
    """The fields of a form post, {name: [values]}, without the cgi module (gone in Python 3.13)."""
    if environ.get("CONTENT_LENGTH"):
        body = environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
    elif environ.get("wsgi.input_terminated"):  # a chunked upload the server ends for us
        body = environ["wsgi.input"].read()
    else:
        body = b""
    content_type = environ.get("CONTENT_TYPE", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return parse_qs(body.decode("latin-1"), keep_blank_values=True, encoding="utf-8")
    if content_type.startswith("multipart/form-data"):
        # A multipart body is a MIME message: let the email package split it.
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        fields = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)  # this field's bytes, as the browser sent them
            fields.setdefault(name, []).append(data if part.get_filename() else data.decode("utf-8"))
        return fields
    return {}


def app(environ, start_response):
    fields = read_form(environ) if environ["REQUEST_METHOD"] == "POST" else {}
    lines = [f"{name} = {values!r}" for name, values in fields.items()] or ["(no form fields)"]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
