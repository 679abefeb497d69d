import type { Exchange } from '@mocktopus/responders'

export type { Exchange }

export type ExchangeListener = (exchange: Exchange) => void
