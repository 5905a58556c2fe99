"""An app with a syntax error on line 5, for the loader's error report."""


def app(environ, start_response)
    return []
