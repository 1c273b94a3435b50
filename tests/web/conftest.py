"""Fixtures of the clerk's page tests: the app around the session's real models, and a live server."""

from __future__ import annotations

import threading

import pytest

from tests.conftest import FIXTURES, REPO_ROOT, load_jsonl

SCREENSHOTS = REPO_ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def web_app(assessor):
    """The clerk's page around the session's Assessor (models shared with the other tests)."""
    from respassess.web import create_app

    return create_app(assessor)


@pytest.fixture
def client(web_app):
    """A Flask test client (no network, no browser)."""
    return web_app.test_client()


@pytest.fixture(scope="session")
def live_server(web_app):
    """The app served by the threaded server on 127.0.0.1 and a free port, in a background thread."""
    from respassess.web import make_clerk_server

    server = make_clerk_server(web_app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, name="clerk-page", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def seed():
    """The UK PAC SEND recommendation 7 record as a dict."""
    return load_jsonl(FIXTURES / "uk_pac_seed.jsonl")[0]
