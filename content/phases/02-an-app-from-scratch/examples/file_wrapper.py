import os


def app(environ, start_response):
    path = __file__  # this very file stands in for a large download
    wrapper = environ.get("wsgi.file_wrapper")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(os.path.getsize(path))),
                              ("X-File-Wrapper", f"{wrapper.__module__}.{wrapper.__name__}" if wrapper else "none")])
    f = open(path, "rb")
    if wrapper:
        return wrapper(f, 8192)  # the server may send it its own fast way, and closes it at the end

    def chunks():  # the portable fallback: read in blocks, close when done
        with f:
            while block := f.read(8192):
                yield block
    return chunks()
