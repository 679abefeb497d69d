// Real Jest over `@mocktopus/server/jest` (test/runners/jest-real.test.ts starts it). The files
// are plain ES modules, run untransformed with Node's VM modules
// (`node --experimental-vm-modules`), and import the built packages as a user's suite does.
export default {
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.jest.mjs'],
  transform: {},
}
