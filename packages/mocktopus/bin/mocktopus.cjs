#!/usr/bin/env node
// The unscoped package's `mocktopus`: the @mocktopus/cli command, run from that package's own
// dist/ (found beside its main entry, the only path its exports allow), so the two never differ.
const { dirname, join } = require('node:path')

require(join(dirname(require.resolve('@mocktopus/cli')), 'bin.cjs'))
