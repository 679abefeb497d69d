"""One Mocktopus server for the whole suite (MOCKTOPUS_URL); a session per test."""
import os
import uuid

import pytest
import requests
from openai import OpenAI

BASE = os.environ.get("MOCKTOPUS_URL", "http://127.0.0.1:8080")


class Session:
    """A Mocktopus session: its base URL, journal, reset and scenario, over plain HTTP."""

    def __init__(self, sid: str):
        self.id = sid
        self.base_url = f"{BASE}/sessions/{sid}/v1"
        self.headers = {"x-mocktopus-session": sid}

    def requests(self):
        answer = requests.get(f"{BASE}/_mocktopus/requests", params={"session": self.id})
        answer.raise_for_status()
        return answer.json()["requests"]

    def reset(self):
        requests.post(f"{BASE}/_mocktopus/reset", params={"session": self.id}).raise_for_status()

    def use_scenario(self, text: str):
        # Bytes go without a content-type, which the server reads as it reads API bodies.
        return requests.put(
            f"{BASE}/_mocktopus/sessions/{self.id}/scenario", data=text.encode("utf-8")
        )

    def end(self):
        requests.delete(f"{BASE}/_mocktopus/sessions/{self.id}")

    def openai(self, **options) -> OpenAI:
        return OpenAI(api_key="test", base_url=self.base_url, **options)


@pytest.fixture
def session(request):
    sid = f"py-{request.node.name[:60]}-{uuid.uuid4().hex[:8]}"
    sid = "".join(c if c.isalnum() or c in "._:-" else "-" for c in sid)
    own = Session(sid)
    yield own
    own.end()
