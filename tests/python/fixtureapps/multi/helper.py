"""A module beside app.py: the app imports it, as a reader's multi-file app would."""


def greeting(name):
    return "Hello, %s!" % name
