"""pytest fixtures for Mocktopus: a server for the test session, a session of it for each test."""

from pytest_mocktopus.plugin import MocktopusError, MocktopusServer, MocktopusSession

__all__ = ["MocktopusError", "MocktopusServer", "MocktopusSession"]
