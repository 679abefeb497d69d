"""The pytest plugin: the ``mocktopus`` and ``mocktopus_session`` fixtures.

``mocktopus`` (session scope) runs ``mocktopus serve --port 0`` from the installed command (or
``MOCKTOPUS_BIN``) for the whole test run. ``mocktopus_session`` (function scope) gives each test
its own Mocktopus session on that server: its own ``times`` counters, journal, reset and,
optionally, scenario, so tests stay independent and can run in any order (docs/sessions.md).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, List, Optional

import pytest

_BANNER_URL = re.compile(r"^Anthropic\s+(https?://\S+)")
_SESSION_ID_CHARS = re.compile(r"[^A-Za-z0-9._:-]+")


class MocktopusError(Exception):
    """The server could not be started, or refused an admin request (its message says why)."""


def _call(url: str, method: str = "GET", data: Optional[bytes] = None) -> Any:
    headers = {"content-type": "application/json"} if data is not None else {}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            message = json.loads(text)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = text
        raise MocktopusError(f"{method} {url} answered {error.code}: {message}") from None
    return json.loads(body) if body else None


def _journal(root: str, query: str) -> List[Dict[str, Any]]:
    # A page at a time, as connectMocktopus() reads it.
    entries: List[Dict[str, Any]] = []
    after = None
    while True:
        page = f"limit=500" + ("" if after is None else f"&after={after}")
        answer = _call(f"{root}/_mocktopus/requests?{query}{'&' if query else ''}{page}")
        entries.extend(answer["requests"])
        if not answer["requests"] or answer["cursor"] == after:
            return entries
        after = answer["cursor"]


class MocktopusSession:
    """One Mocktopus session: base URLs with its ``/sessions/<id>`` prefix, its journal, reset
    and scenario."""

    def __init__(self, server_url: str, session_id: str):
        self.id = session_id
        self._server_url = server_url
        self._quoted = urllib.parse.quote(session_id, safe="")
        self.url = f"{server_url}/sessions/{self._quoted}"
        self.openai_base_url = f"{self.url}/v1"
        self.anthropic_base_url = self.url
        self.headers = {"x-mocktopus-session": session_id}

    def requests(self) -> List[Dict[str, Any]]:
        """This session's journal entries, oldest first (the fields of docs/testing.md)."""
        return _journal(self._server_url, f"session={self._quoted}")

    def reset(self) -> None:
        """Restores this session's ``times`` counters and state and clears its journal."""
        _call(f"{self._server_url}/_mocktopus/reset?session={self._quoted}", "POST", b"")

    def use_scenario(self, yaml_text: str) -> Dict[str, Any]:
        """Answers this session from ``yaml_text`` (YAML or JSON) instead of the server's
        scenario; raises MocktopusError with the ``file:line:col`` issues when it is broken."""
        return _call(
            f"{self._server_url}/_mocktopus/sessions/{self._quoted}/scenario",
            "PUT",
            yaml_text.encode("utf-8"),
        )

    def end(self) -> None:
        """Ends the session; its next request would begin a fresh one."""
        try:
            _call(f"{self._server_url}/_mocktopus/sessions/{self._quoted}", "DELETE")
        except MocktopusError:
            pass  # never began (no request), or already ended

    def __repr__(self) -> str:
        return f"MocktopusSession(id={self.id!r}, url={self.url!r})"


class MocktopusServer:
    """A running ``mocktopus serve``: its URLs, journal and reset, and sessions of it."""

    def __init__(self, command: List[str], scenario: Optional[str], start_timeout: float = 60.0):
        args = [*command, "serve", "--port", "0"]
        if scenario:
            args += ["--scenario", scenario]
        self._stderr = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env={**os.environ, "NO_COLOR": "1"},
                text=True,
            )
        except OSError as error:
            raise MocktopusError(f"could not run {shlex.join(args)}: {error}") from None
        self.url = self._wait_for_url(args, start_timeout)
        self.openai_base_url = f"{self.url}/v1"
        self.anthropic_base_url = self.url
        # Keep reading its output so a chatty server never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_for_url(self, args: List[str], timeout: float) -> str:
        found: Dict[str, str] = {}
        printed: List[str] = []

        def read() -> None:
            assert self._process.stdout is not None
            for line in self._process.stdout:
                printed.append(line)
                match = _BANNER_URL.match(line)
                if match:
                    found["url"] = match.group(1)
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if "url" in found:
            return found["url"]
        self.stop()
        self._stderr.seek(0)
        errors = self._stderr.read().decode("utf-8", "replace")
        why = "exited" if self._process.returncode is not None else f"did not start in {timeout:g}s"
        raise MocktopusError(
            f"{shlex.join(args)} {why}:\n{''.join(printed)}{errors}".rstrip()
        )

    def _drain(self) -> None:
        assert self._process.stdout is not None
        for _ in self._process.stdout:
            pass

    def session(self, session_id: Optional[str] = None) -> MocktopusSession:
        """A session of this server (a random ``session-<uuid>`` id when none is given)."""
        return MocktopusSession(self.url, session_id or f"session-{uuid.uuid4()}")

    def requests(self) -> List[Dict[str, Any]]:
        """Every journal entry, of every session, oldest first."""
        return _journal(self.url, "")

    def reset(self) -> None:
        """Resets the whole server: counters, state, the journal, and every session."""
        _call(f"{self.url}/_mocktopus/reset", "POST", b"")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def __repr__(self) -> str:
        return f"MocktopusServer(url={getattr(self, 'url', None)!r})"


def _command() -> List[str]:
    configured = os.environ.get("MOCKTOPUS_BIN")
    if configured:
        return shlex.split(configured)
    installed = shutil.which("mocktopus")
    if installed:
        return [installed]
    raise MocktopusError(
        "the mocktopus command is not on PATH: install it (npm install -g @mocktopus/cli) "
        "or set MOCKTOPUS_BIN, e.g. MOCKTOPUS_BIN='npx --yes @mocktopus/cli'"
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mocktopus")
    group.addoption(
        "--mocktopus-scenario",
        dest="mocktopus_scenario",
        default=None,
        help="scenario YAML file for the mocktopus fixture (default: ini mocktopus_scenario, "
        "else the built-in scenario)",
    )
    parser.addini(
        "mocktopus_scenario",
        "scenario YAML file for the mocktopus fixture, relative to the ini file",
        default="",
    )


def _scenario(config: pytest.Config) -> Optional[str]:
    option = config.getoption("mocktopus_scenario")
    if option:
        return os.path.abspath(option)  # relative to where pytest was started
    configured = config.getini("mocktopus_scenario")
    if configured:
        base = config.inipath.parent if config.inipath else config.rootpath
        return str(base / configured)
    return None


@pytest.fixture(scope="session")
def mocktopus(pytestconfig: pytest.Config):
    """A ``mocktopus serve`` on a free port for the whole test run, stopped at its end."""
    server = MocktopusServer(_command(), _scenario(pytestconfig))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mocktopus_session(mocktopus: MocktopusServer, request: pytest.FixtureRequest):
    """A Mocktopus session of its own for this test, ended after it."""
    name = _SESSION_ID_CHARS.sub("-", request.node.name)[:80]
    session = mocktopus.session(f"pytest-{name}-{uuid.uuid4().hex[:8]}")
    try:
        yield session
    finally:
        session.end()
