"""wsgisim: a WSGI (PEP 3333) server in everything but the socket.

One raw HTTP request goes in, the exact bytes a real server would send come out, with a trace of
every step. `run_request` in api.py is the entry point; modes/ holds the server personalities.
"""
