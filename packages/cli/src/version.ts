import manifest from '../package.json' with { type: 'json' }

/** The version of `@mocktopus/cli`, as its package.json gives it. */
export const VERSION: string = manifest.version
