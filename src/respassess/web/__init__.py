"""The clerk's local page: paste or upload a government response and read its assessment.

``respassess serve`` runs it; :func:`create_app` builds the Flask app (importing this
package imports Flask, so only the ``serve`` command and tests import it).
"""

from .app import DEFAULT_MAX_UPLOAD_BYTES, create_app
from .server import LOCAL_HOSTS, make_clerk_server

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "LOCAL_HOSTS", "create_app", "make_clerk_server"]
