import type { ValidateFunction } from 'ajv'

/** ajv's standalone validator for `scenarioSchema` (see schema-validator.test.ts). */
export declare const validate: ValidateFunction
export default validate
