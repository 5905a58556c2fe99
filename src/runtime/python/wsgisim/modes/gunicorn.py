"""gunicorn 20.1.0 as Debian 12 packages it (20.1.0-6+deb12u1, with its request-smuggling fixes),
one sync worker. Ported from gunicorn/http/wsgi.py and workers/sync.py; parsing in gunicorn_parser.py."""
import html
import textwrap
from urllib.parse import unquote_to_bytes

from ..environ import EnvironBuilder
from ..http_parser import BadRequest
from ..streams import ErrorStream, FileWrapper, InputStream
from .base import BaseServer
from .gunicorn_parser import Fail500, GunicornParser, NoMoreData, Silent
from .gunicorn_response import Response


class GunicornServer(GunicornParser, BaseServer):
    name = "gunicorn"
    version = "gunicorn 20.1.0 (Debian 12)"
    description = ("gunicorn's sync worker, as Debian 12 packages it (with its request-smuggling fixes): "
                   "HTTP/1.1, one request per connection.")
    timeout = 30                       # --timeout: seconds before the arbiter kills a silent worker
    limits = ("limit_request_line", "limit_request_fields", "limit_request_field_size", "timeout")
    pip_package = "gunicorn"
    serve_command = "gunicorn --bind 127.0.0.1:8000 {app}"
    stall_message = ("gunicorn's worker waits for body bytes the client never sends; after %d s the "
                     "arbiter kills it ([CRITICAL] WORKER TIMEOUT) and the client gets no response." % timeout)
    wait_message = ("gunicorn's sync worker blocks reading the socket; after %d s (--timeout) the arbiter "
                    "kills it ([CRITICAL] WORKER TIMEOUT) and the client gets no response." % timeout)

    def serve(self, app):
        try:
            req = self.parse()
        except BadRequest as err:
            return self.write_error(400, "Bad Request", err.detail, err)
        except Fail500 as err:
            return self.write_error(500, "Internal Server Error", "", BadRequest(str(err), 500))
        except Silent as err:
            self.bad_request(BadRequest(str(err), 0, ""))
            self.wire.cut = True
            return
        self.handle_request(app, req)

    # -- gunicorn.http.wsgi.create ------------------------------------------------------------
    def environ_for(self, req, resp):
        b = EnvironBuilder()
        words = self.head.words
        body = req["body"]
        stream = InputStream(body, self.trace, missing=req["missing"]) if isinstance(body, bytes) else body
        b.update({"wsgi.errors": ErrorStream(self.log, self.trace), "wsgi.version": (1, 0),
                  "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
                  "wsgi.file_wrapper": FileWrapper, "wsgi.input_terminated": True,
                  "SERVER_SOFTWARE": "gunicorn/20.1.0", "gunicorn.socket": SimulatedSocket()})
        b.set("wsgi.input", stream, req["body_span"])
        b.set("REQUEST_METHOD", req["method"], words[0][1])
        b.set("QUERY_STRING", req["query"], words[1][1])
        b.set("RAW_URI", req["uri"], words[1][1])
        b.set("SERVER_PROTOCOL", "HTTP/%d.%d" % req["version"], words[2][1])
        script_name = ""
        for name, value, span in req["headers"]:
            if name == "EXPECT" and value.lower() == "100-continue":
                self.wire.send(b"HTTP/1.1 100 Continue\r\n\r\n", "interim")
            elif name == "SCRIPT_NAME":
                script_name = value
            elif name == "CONTENT-TYPE":
                b.set("CONTENT_TYPE", value, span)
                continue
            elif name == "CONTENT-LENGTH":
                b.set("CONTENT_LENGTH", value, span)
                continue
            key = "HTTP_" + name.replace("-", "_")
            if key in b.environ:
                b.environ[key] = "%s,%s" % (b.environ[key], value)
            else:
                b.set(key, value, span)
        b.set("wsgi.url_scheme", self.scheme)
        b.set("REMOTE_ADDR", self.ctx.client_addr[0])
        b.set("REMOTE_PORT", str(self.ctx.client_addr[1]))
        b.set("SERVER_NAME", self.ctx.server_addr[0])
        b.set("SERVER_PORT", str(self.ctx.server_addr[1]))
        path = req["path"]
        if script_name:
            path = path.split(script_name, 1)[1]
        # util.unquote_to_wsgi_str: unquote_to_bytes(str) encodes non-ASCII as UTF-8 first.
        b.set("PATH_INFO", unquote_to_bytes(path).decode("latin-1"), words[1][1])
        b.set("SCRIPT_NAME", script_name)
        self.built(b)
        return b.environ

    # -- gunicorn.workers.sync.SyncWorker.handle_request ---------------------------------------
    def handle_request(self, app, req):
        resp = Response(req, self.wire, self.trace)
        try:
            environ = self.environ_for(req, resp)
            resp.force_close()
            respiter = self.call_app(app, environ, resp.start_response)
            try:
                if isinstance(respiter, FileWrapper):
                    resp.write_file(respiter, self.items, self.count)
                else:
                    for item in self.items(respiter):
                        resp.write(item)
                resp.close()
                self.body_done()
            finally:
                self.close_result(respiter)
        except NoMoreData:
            # SyncWorker.handle: the client half-closed mid-body; nothing is answered.
            self.log.write("[DEBUG] Ignored premature client disconnection.\n")
            self.bad_request(BadRequest("The client closed its side in the middle of the chunked "
                                        "body; gunicorn ignores the premature disconnection", 0, ""))
            self.wire.cut = True
        except OSError as exc:
            self.app_failed(exc, "[ERROR] Socket error processing request.\n")
            self.wire.cut = True
        except Exception as exc:
            if resp.headers_sent:
                self.app_failed(exc, "[ERROR] Error handling request %s\n" % req["uri"])
                self.wire.cut = True
                return
            self.app_failed(exc, "[ERROR] Error handling request %s\n" % req["uri"])
            err = getattr(exc, "gunicorn_400", None)
            if err is not None:
                return self.write_error(400, "Bad Request", err, None)
            self.write_error(500, "Internal Server Error", "", None)

    def write_error(self, status, reason, mesg, err):
        """gunicorn.util.write_error: a small HTML page, Connection: close."""
        if err is not None:
            self.bad_request(err)
        page = textwrap.dedent("""\
        <html>
          <head>
            <title>%(reason)s</title>
          </head>
          <body>
            <h1><p>%(reason)s</p></h1>
            %(mesg)s
          </body>
        </html>
        """) % {"reason": reason, "mesg": html.escape(mesg)}
        head = "HTTP/1.1 %s %s\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % (
            status, reason, len(page))
        try:
            data = (head + page).encode("latin-1")
        except UnicodeEncodeError:
            # The message quotes a non-latin-1 header value: gunicorn's write_error fails to encode
            # its own page, logs "Failed to send error message." at debug level and sends nothing.
            self.log.write("[DEBUG] Failed to send error message.\n")
            self.wire.cut = True
            return
        self.trace.emit("error_response", status="%s %s" % (status, reason))
        self.wire.send(data, "error_page")


class SimulatedSocket:
    """Stands in for environ['gunicorn.socket']; the simulator has no real socket."""

    def __repr__(self):
        return "<simulated socket>"

