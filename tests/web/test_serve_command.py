"""`respassess serve`: binds 127.0.0.1 by default, warns loudly elsewhere, clean errors (no models loaded here)."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from respassess.cli import cli


class _FakeServer:
    server_port = 8123

    def __init__(self, log):
        self.log = log

    def serve_forever(self):
        self.log.append("serve_forever")
        raise KeyboardInterrupt

    def server_close(self):
        self.log.append("server_close")


@pytest.fixture
def fake_web(monkeypatch):
    import respassess.pipeline
    import respassess.web

    log: list = []
    monkeypatch.setattr(respassess.pipeline, "Assessor", lambda config=None: ("assessor", config))
    monkeypatch.setattr(respassess.web, "create_app",
                        lambda assessor, **kw: log.append(("create_app", assessor[0], kw)) or "app")
    monkeypatch.setattr(respassess.web, "make_clerk_server",
                        lambda app, *, host, port: log.append(("bind", host, port)) or _FakeServer(log))
    return log


def test_serve_binds_localhost_by_default_without_warning(fake_web):
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 0, result.output
    assert ("bind", "127.0.0.1", 8000) in fake_web
    assert ("create_app", "assessor", {"max_upload_bytes": 20 * 1024 * 1024, "model_threads": min(2, os.cpu_count() or 1)}) in fake_web
    assert "WARNING" not in result.stderr
    assert "Serving http://127.0.0.1:8123/" in result.stderr and "Stopped." in result.stderr
    assert fake_web[-1] == "server_close"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7"])
def test_serve_warns_loudly_when_binding_elsewhere(fake_web, host):
    result = CliRunner().invoke(cli, ["serve", "--host", host, "--port", "9000", "--max-upload-mb", "5"])
    assert result.exit_code == 0, result.output
    assert f"WARNING: binding to {host}" in result.stderr and "no login" in result.stderr
    assert ("bind", host, 9000) in fake_web
    assert ("create_app", "assessor", {"max_upload_bytes": 5 * 1024 * 1024, "model_threads": min(2, os.cpu_count() or 1)}) in fake_web


def test_serve_reports_a_busy_port_as_one_error_line(fake_web, monkeypatch):
    import respassess.web

    def refuse(app, *, host, port):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(respassess.web, "make_clerk_server", refuse)
    result = CliRunner().invoke(cli, ["serve", "--port", "8000"])
    assert result.exit_code == 1
    assert "Error: cannot listen on 127.0.0.1:8000 (Address already in use); pick another --port" in result.stderr


def test_serve_rejects_a_bad_port():
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output
