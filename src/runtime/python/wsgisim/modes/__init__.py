"""Server personalities: the reference server and faithful copies of three real servers."""
from .gunicorn import GunicornServer
from .reference import ReferenceServer
from .waitress import WaitressServer
from .wsgiref import WsgirefServer

MODES = {cls.name: cls for cls in (ReferenceServer, WsgirefServer, GunicornServer, WaitressServer)}


def get_mode(name):
    """The server class for a mode name; ValueError names the valid modes."""
    try:
        return MODES[name]
    except KeyError:
        raise ValueError("Unknown mode %r; choose one of: %s" % (name, ", ".join(MODES))) from None
