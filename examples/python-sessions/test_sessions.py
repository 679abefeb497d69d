"""Sessions on one server: each test has its own times counters, journal and scenario."""
import openai
import pytest


@pytest.mark.parametrize("run", range(3))
def test_every_session_counts_its_own_429s(session, run):
    client = session.openai(max_retries=0)
    statuses = []
    for _ in range(3):
        try:
            client.chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
            )
            statuses.append(200)
        except openai.RateLimitError as error:
            statuses.append(error.status_code)
    assert statuses == [429, 429, 200]
    journal = session.requests()
    assert [entry["status"] for entry in journal] == [429, 429, 200]
    assert all(entry["session"] == session.id for entry in journal)


def test_the_sdk_retries_through_the_429s(session):
    client = session.openai(max_retries=2)
    completion = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
    )
    assert completion.choices[0].message.content == "Hello from Mocktopus."
    assert len(session.requests()) == 3


def test_a_session_scenario_and_a_broken_one(session):
    answer = session.use_scenario(
        "version: 1\nrules:\n  - type: llm\n    respond: { content: mine }\n"
    )
    assert answer.status_code == 200
    completion = session.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
    )
    assert completion.choices[0].message.content == "mine"

    broken = session.use_scenario("version: 1\nrules:\n  - type: llm\n    respnd: {}\n")
    assert broken.status_code == 400
    message = broken.json()["error"]["message"]
    assert f"sessions/{session.id}/scenario:4:5" in message


def test_reset_starts_the_counters_again(session):
    client = session.openai(max_retries=0)
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    session.reset()
    assert session.requests() == []
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])


def test_the_header_names_the_same_session(session):
    from conftest import BASE
    from openai import OpenAI

    client = OpenAI(
        api_key="test", base_url=f"{BASE}/v1", default_headers=session.headers, max_retries=0
    )
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.RateLimitError):
        session.openai(max_retries=0).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "x"}]
        )
    assert client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}]
    ).choices[0].message.content == "Hello from Mocktopus."
