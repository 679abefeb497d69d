/**
 * Azure OpenAI's own errors: the content filter's 400 (OpenAI's envelope plus `status` and
 * `innererror`), and the answers to a request without `api-version`. Every other error is
 * OpenAI's envelope, as Azure's are.
 */
import type { ErrorSpec } from '@mocktopus/scenario'
import { openaiRuleError } from '../openai/errors.js'
import type { WireError, WireErrorInit } from '../shared/wire.js'
import { type AzureContentFilterResults, FILTERED_RESULTS } from './content-filter.js'

/** The message Azure gives a prompt its content filter blocked. */
export const CONTENT_FILTER_MESSAGE =
  "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766"

/** The body of Azure's content filter error. */
export interface AzureContentFilterErrorBody {
  readonly error: {
    readonly message: string
    readonly type: null
    readonly param: string
    readonly code: string
    readonly status: number
    readonly innererror: {
      readonly code: 'ResponsibleAIPolicyViolation'
      readonly content_filter_result: AzureContentFilterResults
    }
  }
}

const error = (status: number, body: unknown, spec?: ErrorSpec): WireError => ({
  kind: 'error',
  status,
  headers: {},
  body,
  delayMs: spec?.delay_ms ?? 0,
})

/**
 * A rule's `error:` as Azure gives it: `content_filter` in Azure's shape (400, `param: prompt`,
 * `innererror.code: ResponsibleAIPolicyViolation`), every other type as OpenAI's.
 *
 * @example azureRuleError({ error_type: 'content_filter' }).body.error.innererror.code // 'ResponsibleAIPolicyViolation'
 */
export function azureRuleError(spec: ErrorSpec): WireError {
  if (spec.error_type !== 'content_filter') return openaiRuleError(spec)
  const status = spec.status_code ?? 400
  const body: AzureContentFilterErrorBody = {
    error: {
      message: spec.message ?? CONTENT_FILTER_MESSAGE,
      type: null,
      param: spec.param ?? 'prompt',
      code: spec.code ?? 'content_filter',
      status,
      innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: FILTERED_RESULTS },
    },
  }
  return error(status, body, spec)
}

/**
 * What Azure answers a deployment route (`/openai/deployments/{name}/...`) called without
 * `api-version`: a 404, as for a path it does not know.
 *
 * @example resourceNotFound().body // { error: { code: '404', message: 'Resource not found' } }
 */
export function resourceNotFound(): WireError {
  return error(404, { error: { code: '404', message: 'Resource not found' } })
}

/**
 * What Azure answers `/openai/responses` called without `api-version`.
 *
 * @example missingApiVersion().status // 400
 */
export function missingApiVersion(): WireError {
  return error(400, {
    error: { code: 'BadRequest', message: 'Missing required query parameter: api-version' },
  })
}

/**
 * The `--auth-token` refusal in Azure's words, the 401 its resources give a wrong or missing
 * `api-key` (code `401`), in OpenAI's envelope as Mocktopus's own errors are.
 *
 * @example azureUnauthorized(true).message // 'Access denied due to invalid subscription key ...'
 */
export function azureUnauthorized(given: boolean): WireErrorInit {
  return {
    status: 401,
    message: given
      ? 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'
      : 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    code: '401',
  }
}
