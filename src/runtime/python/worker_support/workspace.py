"""The reader's files on the worker's disk: one folder that mirrors the page's workspace exactly."""
import os
import posixpath


def checked_path(path):
    """`path` made safe to join under the app folder; ValueError for absolute paths or '..'."""
    norm = posixpath.normpath(path)
    if posixpath.isabs(norm) or norm == "." or norm.startswith("../") or norm == "..":
        raise ValueError(f"File path {path!r} must be relative to the app folder, without '..'.")
    return norm


def write_workspace(app_dir, files):
    """Make `app_dir` hold exactly `files` ({relative path: source}); return the number written."""
    wanted = {checked_path(p): src for p, src in files.items()}
    os.makedirs(app_dir, exist_ok=True)
    for root, dirs, names in os.walk(app_dir, topdown=False):
        for name in names:
            full = os.path.join(root, name)
            rel = os.path.relpath(full, app_dir).replace(os.sep, "/")
            if rel not in wanted:
                os.remove(full)
        if root != app_dir and not os.listdir(root):
            os.rmdir(root)
    for rel, source in wanted.items():
        full = os.path.join(app_dir, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(source)
    return len(wanted)
