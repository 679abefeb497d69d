"""The plugin's fixtures against a real `mocktopus serve`, through the openai and anthropic SDKs."""

import re

import anthropic
import openai
import pytest

from pytest_mocktopus import MocktopusError

pytest_plugins = ["pytester"]


def chat(base_url: str, text: str, **options) -> str:
    client = openai.OpenAI(api_key="test", base_url=base_url, max_retries=0, **options)
    completion = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}]
    )
    return completion.choices[0].message.content


def test_the_server_fixture_gives_its_urls(mocktopus):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", mocktopus.url)
    assert mocktopus.openai_base_url == f"{mocktopus.url}/v1"
    assert mocktopus.anthropic_base_url == mocktopus.url


def test_the_session_fixture_gives_urls_under_its_prefix(mocktopus, mocktopus_session):
    assert mocktopus_session.id.startswith("pytest-test_the_session_fixture_gives_urls")
    assert mocktopus_session.url == f"{mocktopus.url}/sessions/{mocktopus_session.id}"
    assert mocktopus_session.openai_base_url == f"{mocktopus_session.url}/v1"
    assert mocktopus_session.anthropic_base_url == mocktopus_session.url
    assert mocktopus_session.headers == {"x-mocktopus-session": mocktopus_session.id}


def test_chat_through_the_openai_sdk(mocktopus_session):
    client = openai.OpenAI(
        api_key="test", base_url=mocktopus_session.openai_base_url, max_retries=0
    )
    completion = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hello there"}]
    )
    assert completion.choices[0].message.content == "Hello from pytest."
    assert completion.usage.prompt_tokens == 3
    assert completion.usage.completion_tokens == 4


def test_a_message_through_the_anthropic_sdk(mocktopus_session):
    client = anthropic.Anthropic(
        api_key="test", base_url=mocktopus_session.anthropic_base_url, max_retries=0
    )
    message = client.messages.create(
        model="claude-sonnet-5",
        max_tokens=64,
        messages=[{"role": "user", "content": "hello from python"}],
    )
    assert message.content[0].text == "Hello from pytest."
    assert message.stop_reason == "end_turn"
    [entry] = mocktopus_session.requests()
    assert entry["endpoint"] == "/v1/messages"
    assert entry["session"] == mocktopus_session.id
    assert entry["status"] == 200


def test_two_sessions_count_times_apart(mocktopus):
    first, second = mocktopus.session(), mocktopus.session()
    try:
        assert chat(first.openai_base_url, "once") == "the only answer"
        assert chat(first.openai_base_url, "once") == "fallback"
        # The other session's `times: 1` rule is still unused.
        assert chat(second.openai_base_url, "once") == "the only answer"
        assert [e["ruleIndex"] for e in first.requests()] == [0, 2]
        assert [e["ruleIndex"] for e in second.requests()] == [0]
    finally:
        first.end()
        second.end()


def test_the_session_header_names_the_same_session(mocktopus, mocktopus_session):
    answer = chat(mocktopus.openai_base_url, "once", default_headers=mocktopus_session.headers)
    assert answer == "the only answer"
    assert chat(mocktopus_session.openai_base_url, "once") == "fallback"
    assert len(mocktopus_session.requests()) == 2


def test_requests_lists_the_sessions_journal_and_reset_clears_it(mocktopus_session):
    assert chat(mocktopus_session.openai_base_url, "once") == "the only answer"
    assert chat(mocktopus_session.openai_base_url, "hello") == "Hello from pytest."
    entries = mocktopus_session.requests()
    assert [(e["method"], e["endpoint"], e["model"], e["status"]) for e in entries] == [
        ("POST", "/v1/chat/completions", "gpt-4o", 200),
        ("POST", "/v1/chat/completions", "gpt-4o", 200),
    ]
    assert entries[1]["body"]["messages"] == [{"role": "user", "content": "hello"}]
    mocktopus_session.reset()
    assert mocktopus_session.requests() == []
    assert chat(mocktopus_session.openai_base_url, "once") == "the only answer"


def test_use_scenario_answers_this_session_only(mocktopus, mocktopus_session):
    mocktopus_session.use_scenario(
        "version: 1\nrules:\n  - type: llm\n    respond:\n      content: from use_scenario\n"
    )
    assert chat(mocktopus_session.openai_base_url, "hello") == "from use_scenario"
    other = mocktopus.session()
    try:
        assert chat(other.openai_base_url, "hello") == "Hello from pytest."
    finally:
        other.end()


def test_use_scenario_refuses_a_broken_scenario_with_the_servers_message(mocktopus_session):
    with pytest.raises(MocktopusError, match=r'unknown key "respnd"; did you mean "respond"'):
        mocktopus_session.use_scenario("version: 1\nrules:\n  - type: llm\n    respnd: {}\n")


def test_an_unmatched_request_is_a_404_in_the_journal(mocktopus_session):
    mocktopus_session.use_scenario(
        "version: 1\nrules:\n  - type: llm\n    when:\n      model: gpt-5\n"
        "    respond:\n      content: x\n"
    )
    with pytest.raises(openai.NotFoundError):
        chat(mocktopus_session.openai_base_url, "hello")
    [entry] = mocktopus_session.requests()
    assert (entry["status"], entry["ruleIndex"], entry["error"]) == (404, None, "no_matching_rule")


def test_the_option_names_the_scenario_and_installing_is_enough(pytester):
    # A fresh pytest run in a subprocess: the plugin comes from its pytest11 entry point.
    scenario = pytester.makefile(
        ".yaml",
        option_scenario="version: 1\nrules:\n  - type: llm\n    respond:\n"
        "      content: from the option\n",
    )
    pytester.makepyfile(
        """
        import openai

        def test_it(mocktopus_session):
            client = openai.OpenAI(api_key="t", base_url=mocktopus_session.openai_base_url)
            completion = client.chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
            )
            assert completion.choices[0].message.content == "from the option"
        """
    )
    result = pytester.runpytest_subprocess(f"--mocktopus-scenario={scenario.name}")
    result.assert_outcomes(passed=1)


def test_a_missing_scenario_file_fails_with_the_servers_message(pytester):
    pytester.makepyfile("def test_it(mocktopus):\n    pass\n")
    result = pytester.runpytest_subprocess("--mocktopus-scenario=missing.yaml")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*MocktopusError*serve --port 0 --scenario*missing.yaml exited*"])
