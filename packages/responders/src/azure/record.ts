/**
 * Record mode's Azure OpenAI knowledge as a provider trait. Its answers and streams are
 * OpenAI's, read by OpenAI's trait at the OpenAI endpoint an Azure path stands for; its key
 * travels in `api-key`; and its upstream is a resource of the user's own
 * (`--azure-upstream https://NAME.openai.azure.com`), so there is none by default.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import type { ProviderRecord } from '../engine/endpoint.js'
import { OPENAI_RECORD } from '../openai/record.js'

const DEPLOYMENT_PATH = /^\/openai\/deployments\/[^/]+(\/.+)$/
const V1_PREFIX = '/openai/v1/'

/**
 * The OpenAI endpoint an Azure path answers as: the deployment routes and the v1 routes alike
 * (a concrete path or the table's pattern); any other path as it is.
 *
 * @example openaiEndpointOf('/openai/deployments/gpt-4o/chat/completions') === ENDPOINTS.chatCompletions
 * @example openaiEndpointOf(ENDPOINTS.azureV1Responses) === ENDPOINTS.responses
 */
export function openaiEndpointOf(endpoint: string): string {
  const deployment = DEPLOYMENT_PATH.exec(endpoint)
  if (deployment) return `/v1${deployment[1]}`
  if (endpoint.startsWith(V1_PREFIX)) return endpoint.slice('/openai'.length)
  if (endpoint === ENDPOINTS.azureResponses) return ENDPOINTS.responses
  return endpoint
}

const OPENAI_ASSEMBLE = OPENAI_RECORD.assemble

export const AZURE_RECORD: ProviderRecord = {
  upstreamOption: 'azureUpstream',
  ruleType: 'llm.openai',
  key: {
    option: 'azureKey',
    header: 'api-key',
    // A configured key replaces a client's Entra ID token too.
    replaces: ['authorization'],
    env: ['AZURE_OPENAI_API_KEY'],
  },
  respond: (body, endpoint, request) =>
    OPENAI_RECORD.respond(body, openaiEndpointOf(endpoint), request),
  ...(OPENAI_ASSEMBLE?.kind === 'events'
    ? {
        assemble: {
          kind: 'events',
          create: (endpoint: string) => OPENAI_ASSEMBLE.create(openaiEndpointOf(endpoint)),
        },
      }
    : {}),
}
