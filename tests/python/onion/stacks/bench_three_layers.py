"""The benchmark's stack (bench/onion.ts): timing > AddHeader > auth > hello, three layers and the app."""
import time
def timing(app):
    def middleware(environ, start_response):
        start = time.perf_counter()
        body = app(environ, start_response)
        environ['wsgi.errors'].write('took %f\n' % (time.perf_counter() - start))
        return body
    return middleware
class AddHeader:
    def __init__(self, app):
        self.app = app
    def __call__(self, environ, start_response):
        def sr(status, headers, exc_info=None):
            return start_response(status, headers + [('X-Layer', 'yes')], exc_info)
        return self.app(environ, sr)
def auth(app):
    def check(environ, start_response):
        if environ.get('HTTP_AUTHORIZATION') != 'Bearer ok':
            start_response('401 Unauthorized', [('Content-Type', 'text/plain')])
            return [b'no']
        return app(environ, start_response)
    return check
def hello(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'Hello, world!']
app = timing(AddHeader(auth(hello)))
