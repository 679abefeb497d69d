/**
 * The body properties Anthropic's Messages API accepts, written by hand: there is no
 * machine-readable spec to generate them from. Source: `MessageCreateParamsBase` in
 * anthropics/anthropic-sdk-typescript `src/resources/messages/messages.ts`, and its beta
 * counterpart in `src/resources/beta/messages/messages.ts` (commit bfa9197, 2026-08-19), checked
 * against the API reference (platform.claude.com/docs/en/api/messages) on 2026-12-06.
 */

/** Top-level properties of `POST /v1/messages`. */
export const ANTHROPIC_MESSAGES_PARAMS: readonly string[] = [
  'cache_control',
  'container',
  'inference_geo',
  'max_tokens',
  'messages',
  'metadata',
  'model',
  'output_config',
  'service_tier',
  'stop_sequences',
  'stream',
  'system',
  'temperature',
  'thinking',
  'tool_choice',
  'tools',
  'top_k',
  'top_p',
  'user_profile_id',
]

/**
 * Body properties of the beta Messages API (`client.beta.messages`). The API takes them only with
 * the matching `anthropic-beta` header; strict mode sees the body alone, so it lets them pass.
 */
export const ANTHROPIC_BETA_MESSAGES_PARAMS: readonly string[] = [
  'context_management',
  'diagnostics',
  'fallback_credit_token',
  'fallbacks',
  'mcp_servers',
  'output_format',
  'speed',
]

/** The properties of one entry of `messages` (`MessageParam`). */
export const ANTHROPIC_MESSAGE_PARAMS: readonly string[] = ['content', 'role']
