export { meanOf, round, percent, toFixedHalfAway } from './round.js';
export {
  decimalOf, addDecimal, subtractDecimal, multiplyDecimal, roundDecimal, divideDecimal, formatDecimal, numberOf, type Decimal,
} from './decimal.js';
export { GRADE_BANDS, gradeFor, normaliseGrade, shownGrade } from './grade.js';
export {
  PLAUSIBILITY_METRICS, PLAUSIBILITY_LABELS, DEFAULT_PLAUSIBILITY_BANDS, isImplausible, describeBand, anomaliesOf,
  type PlausibilityMetric, type PlausibilityBand, type PlausibilityBands, type Anomaly,
} from './plausibility.js';
export {
  executionRate, adjustmentRatio, threePublicControlRate, projectShare, budgetMetrics, type BudgetMetrics,
} from './budget-metrics.js';
export { parseQuantity, unitsComparable, type Quantity, type Comparator } from './quantity.js';
export { assessIndicator, indicatorCompletion, type IndicatorAssessment, type IndicatorStatus } from './indicator-status.js';
export { scoreRatesByCategory, scoreRatesByLevel1, type CategoryScoreRate, type ScoreRate } from './score-rate.js';
export { METRIC_KEYS, METRICS, METRIC_DEFINITIONS_VERSION, isMetricKey, type MetricKey, type MetricInfo } from './catalog.js';
export {
  DEFAULT_RECHECK_RULES, recheck, controlRate, warningColour,
  type RecheckRule, type RecheckRuleSet, type RecheckItem, type RecheckInput, type RecheckBasis,
} from './recheck.js';
export { categoryOf, LEVEL1_CATEGORY_WORDS, BROAD_LEVEL1_WORDS } from './indicator-category.js';
export { completionRatio, isCostRow, COST_ROW_WORDS } from './indicator-status.js';
export {
  QUALITY_FLAG_CODES, QUALITY_FLAGS, DEFAULT_QUALITY_THRESHOLDS, qualityFlags,
  type QualityFlagCode, type QualityThresholds, type QualityInput, type QualityFlag, type QualityFlagRow, type QualityIndicator,
} from './quality-flags.js';
export { BUDGET_CHANGE, budgetChange, changeDirection, type BudgetChange } from './budget-change.js';
export {
  SHINGLE_SIZE, SHINGLING_VERSION, normaliseWording, shingleHash, textShingles, wordingLength, jaccardPercent, sharedRanges, type NormalisedText,
} from './text-shingles.js';
