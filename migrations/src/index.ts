import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';
import { ReviewWorkflow1763900000000 } from './1763900000000-review-workflow.js';
import { UnitNameIndex1764000000000 } from './1764000000000-unit-name-index.js';
import { ReportMetrics1764100000000 } from './1764100000000-report-metrics.js';
import { DataVersion1764200000000 } from './1764200000000-data-version.js';
import { StoreOnce1764300000000 } from './1764300000000-store-once.js';
import { ReportCoverage1764400000000 } from './1764400000000-report-coverage.js';
import { AdjustmentRatio1764600000000 } from './1764600000000-adjustment-ratio.js';
import { AccountSecurity1764700000000 } from './1764700000000-account-security.js';
import { AnalyticsRollups1764800000000 } from './1764800000000-analytics-rollups.js';
import { SpotCheck1764820000000 } from './1764820000000-spot-check.js';
import { ReportSubmission1764840000000 } from './1764840000000-report-submission.js';
import { QualityFlags1764860000000 } from './1764860000000-quality-flags.js';
import { TextReuse1764870000000 } from './1764870000000-text-reuse.js';
import { ProblemThemeRollup1764880000000 } from './1764880000000-problem-theme-rollup.js';
import { ProblemRollupArrays1764900000000 } from './1764900000000-problem-rollup-arrays.js';
import { LoginFailures1764920000000 } from './1764920000000-login-failures.js';
import { Rectification1764940000000 } from './1764940000000-rectification.js';
import { RollupYearsIndex1764955000000 } from './1764955000000-rollup-years-index.js';
import { GoalParagraphs1764950000000 } from './1764950000000-goal-paragraphs.js';
import { ProblemCounts1764960000000 } from './1764960000000-problem-counts.js';

/** Every migration, oldest first. A new migration is appended here and never edited once committed. */
export const migrations = [InitialSchema1763800000000, ReviewWorkflow1763900000000, UnitNameIndex1764000000000, ReportMetrics1764100000000, DataVersion1764200000000, StoreOnce1764300000000, ReportCoverage1764400000000, AdjustmentRatio1764600000000, AccountSecurity1764700000000, AnalyticsRollups1764800000000, SpotCheck1764820000000, ReportSubmission1764840000000, QualityFlags1764860000000, TextReuse1764870000000, ProblemThemeRollup1764880000000, ProblemRollupArrays1764900000000, LoginFailures1764920000000, Rectification1764940000000, GoalParagraphs1764950000000, RollupYearsIndex1764955000000, ProblemCounts1764960000000];
