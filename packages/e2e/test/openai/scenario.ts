/** The scenario the OpenAI integration tests run against. */
export const OPENAI_SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when:
      messages_contains: "weather"
    respond:
      content: null
      tool_calls:
        - id: call_weather_1
          type: function
          function:
            name: get_weather
            arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}'
      usage: { input_tokens: 20, output_tokens: 35 }
  - type: llm.openai
    when:
      messages_contains: "two tools"
    respond:
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: '{"location": "Paris"}' }
        - type: function
          function: { name: web_search, arguments: '{"query": "Paris news"}' }
  - type: llm.openai
    when: { messages_contains: "rate limit" }
    error: { error_type: rate_limit, retry_after: 7 }
  - type: llm.openai
    when: { messages_contains: "auth" }
    error: { error_type: authentication }
  - type: llm.openai
    when: { messages_contains: "invalid" }
    error: { error_type: invalid_request, message: "The model 'gpt-5' does not exist", param: model }
  - type: llm.openai
    when: { messages_contains: "timeout" }
    error: { error_type: timeout }
  - type: llm.openai
    when: { messages_contains: "filter" }
    error: { error_type: content_filter }
  - type: llm.openai
    when: { messages_contains: "server" }
    error: { error_type: server_error }
  - type: llm.openai
    when: { messages_contains: "unavailable" }
    error: { error_type: server_error, status_code: 503, code: overloaded }
  - type: llm.openai
    when: { model: "gpt-4*" }
    respond:
      content: "Hello! How can I assist you today?"
      usage: { input_tokens: 5, output_tokens: 8 }
  - type: embeddings
    when: { messages_contains: "pinned" }
    respond:
      embeddings:
        - embedding: [0.25, -0.5, 0.75]
  - type: embeddings
    respond: {}
`
