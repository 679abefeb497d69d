/** @module @mocktopus/server cost: prices, the cost tracker, the summary and the metrics. */
export { createMetrics, DURATION_BUCKETS, type Metrics, type MetricsSample } from './metrics.js'
export { formatUSD } from './money.js'
export {
  type CostExchange,
  type CostHealth,
  type CostObserver,
  type CostObserverOptions,
  type CostReportBody,
  createCostObserver,
  isCountedExchange,
  routeLabel,
} from './observer.js'
export { PricingError, parsePricing, validatePricing } from './parse-pricing.js'
export {
  DEFAULT_PRICING,
  MODEL_ALIASES,
  mergePricing,
  PRICING_CHECKED_AT,
  type PricingTable,
} from './pricing.js'
export { PROMETHEUS_CONTENT_TYPE } from './prometheus.js'
export { type PriceMatch, resolveModelPrice } from './resolve.js'
export { formatCostSummary } from './summary.js'
export {
  type CostRecord,
  type CostReport,
  type CostTotals,
  type CostTracker,
  type CostTrackerOptions,
  type CostUsage,
  costOf,
  createCostTracker,
  type ModelCost,
  type RecordedCost,
} from './tracker.js'
