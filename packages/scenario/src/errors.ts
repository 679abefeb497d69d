/** Base class of every error Mocktopus throws as a library (wire errors are data, not these). */
export class MocktopusError extends Error {
  readonly code: string = 'MOCKTOPUS_ERROR'
  override name = 'MocktopusError'
}
