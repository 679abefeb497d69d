/** The scenario the Responses API and legacy completions integration tests run against. */
export const RESPONSES_SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when:
      messages_regex: "My name is Ada.*What is my name"
    respond:
      content: "Your name is Ada."
  - type: llm.openai
    when:
      messages_regex: "Sunny in Paris"
    respond:
      content: "It is sunny in Paris today."
  - type: llm.openai
    when:
      messages_regex: "Hello from the Responses API!.*What did you say"
    respond:
      content: "I said hello."
  - type: llm.openai
    when:
      messages_contains: "weather"
    respond:
      tool_calls:
        - id: call_weather_1
          type: function
          function:
            name: get_weather
            arguments: '{"location": "Paris"}'
      usage: { input_tokens: 20, output_tokens: 12 }
  - type: llm.openai
    when:
      messages_contains: "as JSON"
    respond:
      content: '{"city":"Paris"}'
  - type: llm.openai
    when:
      messages_contains: "rate limit"
    error: { error_type: rate_limit, retry_after: 7 }
  - type: llm.openai
    when:
      messages_contains: "cut short"
    respond:
      content: "This answer was cut"
      finish_reason: length
  - type: llm.openai
    when:
      endpoint: /v1/completions
    respond:
      content: " there, completion."
      usage: { input_tokens: 2, output_tokens: 4 }
  - type: llm
    when:
      model: "gpt-4*"
    respond:
      content: "Hello from the Responses API!"
      usage: { input_tokens: 9, output_tokens: 6 }
`

/** The `get_weather` function tool as the Responses API takes it. */
export const WEATHER_TOOL = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: {
    type: 'object',
    properties: { location: { type: 'string' } },
    required: ['location'],
    additionalProperties: false,
  },
  strict: true,
}
