/**
 * Field checks that answer in the wording the OpenAI API uses ("Invalid type for 'n': expected
 * an integer, but got a string instead."), with `param` naming the field, so a client's bad
 * request fails here the way it would fail against the real API.
 */
import { openaiError } from '../openai/errors.js'
import type { WireError } from '../shared/wire.js'

/** How the API names a JSON value's type in its messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'boolean') return 'a boolean'
  return `a ${typeof value}`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function missing(param: string): WireError {
  return openaiError({
    status: 400,
    message: `Missing required parameter: '${param}'.`,
    param,
    code: 'missing_required_parameter',
  })
}

export function invalidType(param: string, expected: string, value: unknown): WireError {
  return openaiError({
    status: 400,
    message: `Invalid type for '${param}': expected ${expected}, but got ${describeType(value)} instead.`,
    param,
    code: 'invalid_type',
  })
}

export function invalidValue(param: string, message: string): WireError {
  return openaiError({
    status: 400,
    message: `Invalid value for '${param}': ${message}`,
    param,
    code: 'invalid_value',
  })
}

/** The error for a body that parsed as JSON but is not an object. */
export function notAnObject(value: unknown): WireError {
  return openaiError({
    status: 400,
    message: `Invalid body: expected a JSON object, but got ${describeType(value)} instead.`,
    param: null,
    code: 'invalid_type',
  })
}

/** Checks an optional integer in `[min, max]`; `null` counts as absent. */
export function checkInteger(
  body: Record<string, unknown>,
  param: string,
  min: number,
  max: number,
): WireError | undefined {
  const value = body[param]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return invalidType(param, 'an integer', value)
  }
  if (value < min) {
    return invalidValue(
      param,
      `expected a value greater than or equal to ${min}, but got ${value} instead.`,
    )
  }
  if (value > max) {
    return invalidValue(
      param,
      `expected a value less than or equal to ${max}, but got ${value} instead.`,
    )
  }
  return undefined
}

/** Checks an optional boolean; `null` counts as absent. */
export function checkBoolean(body: Record<string, unknown>, param: string): WireError | undefined {
  const value = body[param]
  if (value === undefined || value === null || typeof value === 'boolean') return undefined
  return invalidType(param, 'a boolean', value)
}

/** Checks the required `model`: a non-empty string. */
export function checkModel(body: Record<string, unknown>): WireError | undefined {
  const { model } = body
  if (model === undefined || model === null || model === '') {
    return openaiError({
      status: 400,
      message: 'you must provide a model parameter',
      param: 'model',
      code: 'missing_required_parameter',
    })
  }
  if (typeof model !== 'string') return invalidType('model', 'a string', model)
  return undefined
}
