"""A threaded local HTTP server for the clerk's page (werkzeug's, which Flask already brings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from flask import Flask
    from werkzeug.serving import BaseWSGIServer

__all__ = ["LOCAL_HOSTS", "make_clerk_server"]

#: Host names that only this machine can reach.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def make_clerk_server(app: Flask, *, host: str = "127.0.0.1", port: int = 8000) -> BaseWSGIServer:
    """Bind a threaded WSGI server for ``app`` (one thread per request; checks still queue on the lock).

    Args:
        app: the app from :func:`respassess.web.create_app`.
        host: the address to bind; keep the default unless other machines must reach the page.
        port: the TCP port; 0 picks a free one (read it back from ``server.server_port``).

    Returns:
        The bound server: call ``serve_forever()`` to run it and ``shutdown()`` from
        another thread to stop it.

    Raises:
        OSError: the address cannot be bound (port in use, unknown host).
    """
    from werkzeug.serving import make_server

    return make_server(host, port, app, threaded=True)
