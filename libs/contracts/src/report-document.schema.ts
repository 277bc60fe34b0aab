import {
  GRADES,
  INDICATOR_CATEGORIES,
  REPORT_KINDS,
  SOURCE_FORMATS,
  UNIT_LEVELS,
  WARNING_CODES,
} from './report-document.js';

/**
 * JSON Schema (draft 2020-12) of ReportDocument v1. Bounds reject what no real
 * report holds: an amount above 1 亿万元 (1 万亿元), a year outside 2000–2100.
 */

const MAX_AMOUNT = 100_000_000;

const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const amount = nullable({ type: 'number', minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT });
const rate = nullable({ type: 'number', minimum: -100_000, maximum: 100_000 });
const text = (maxLength = 2_000) => nullable({ type: 'string', maxLength });
const points = nullable({ type: 'number', minimum: 0, maximum: 1_000 });

const budgetLine = {
  type: 'object',
  additionalProperties: false,
  required: ['initial', 'adjusted', 'actual'],
  properties: { initial: amount, adjusted: amount, actual: amount },
};

export const reportDocumentSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://hunan-perf.local/schemas/report-document.v1.json',
  title: 'ReportDocument v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion', 'source', 'unit', 'fiscalYear', 'reportKind', 'reportDate', 'score', 'budget',
    'threePublic', 'staff', 'indicators', 'scoreBreakdown', 'findings', 'warnings', 'provenance',
  ],
  properties: {
    schemaVersion: { const: 1 },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'sha256', 'format'],
      properties: {
        fileName: { type: 'string', maxLength: 255 },
        sha256: { type: 'string', pattern: '^([0-9a-f]{64})?$' },
        format: { enum: [...SOURCE_FORMATS] },
      },
    },
    unit: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'regionName', 'level'],
      properties: {
        name: text(200),
        regionName: text(100),
        level: nullable({ enum: [...UNIT_LEVELS] }),
      },
    },
    fiscalYear: nullable({ type: 'integer', minimum: 2000, maximum: 2100 }),
    reportKind: { enum: [...REPORT_KINDS] },
    reportDate: nullable({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    score: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'grade', 'gradeText'],
      properties: {
        total: nullable({ type: 'number', minimum: 0, maximum: 100 }),
        grade: nullable({ enum: [...GRADES] }),
        gradeText: text(20),
      },
    },
    budget: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'basic', 'project'],
      properties: {
        total: {
          ...budgetLine,
          required: [...budgetLine.required, 'executionRateStated'],
          properties: { ...budgetLine.properties, executionRateStated: rate, carryover: amount, adjustmentStated: amount },
        },
        basic: budgetLine,
        project: budgetLine,
      },
    },
    threePublic: {
      type: 'object',
      additionalProperties: false,
      required: ['budget', 'actual', 'priorYearActual', 'reception', 'vehiclePurchase', 'vehicleOperation', 'overseas'],
      properties: {
        budget: amount,
        actual: amount,
        priorYearActual: amount,
        reception: amount,
        vehiclePurchase: amount,
        vehicleOperation: amount,
        overseas: amount,
      },
    },
    staff: {
      type: 'object',
      additionalProperties: false,
      required: ['quota', 'actual'],
      properties: {
        quota: nullable({ type: 'integer', minimum: 0, maximum: 1_000_000 }),
        actual: nullable({ type: 'integer', minimum: 0, maximum: 1_000_000 }),
      },
    },
    indicators: {
      type: 'array',
      maxItems: 2_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'note'],
        properties: {
          level1: text(200),
          category: nullable({ enum: [...INDICATOR_CATEGORIES] }),
          level2: text(200),
          name: text(500),
          target: text(500),
          actual: text(500),
          weight: points,
          score: points,
          note: text(2_000),
        },
      },
    },
    scoreBreakdown: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['level1', 'level2', 'weight', 'score'],
        properties: { level1: text(200), level2: text(200), weight: points, score: points },
      },
    },
    findings: {
      type: 'object',
      additionalProperties: false,
      required: ['problems', 'measures'],
      properties: {
        problems: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 5_000 } },
        measures: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 5_000 } },
      },
    },
    warnings: {
      type: 'array',
      maxItems: 1_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message', 'path'],
        properties: {
          code: { enum: [...WARNING_CODES] },
          message: { type: 'string', maxLength: 2_000 },
          path: text(200),
        },
      },
    },
    coverage: {
      type: 'object',
      additionalProperties: false,
      required: ['scalarsFound', 'scalarsTotal', 'indicatorRows', 'indicatorCellsFound', 'indicatorCellsTotal', 'percent'],
      properties: {
        scalarsFound: { type: 'integer', minimum: 0 },
        scalarsTotal: { type: 'integer', minimum: 0 },
        indicatorRows: { type: 'integer', minimum: 0 },
        indicatorCellsFound: { type: 'integer', minimum: 0 },
        indicatorCellsTotal: { type: 'integer', minimum: 0 },
        percent: { type: 'number', minimum: 0, maximum: 100 },
      },
    },
    provenance: {
      type: 'object',
      maxProperties: 10_000,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['line', 'excerpt'],
        properties: {
          line: { type: 'integer', minimum: 1 },
          excerpt: { type: 'string', maxLength: 2_000 },
        },
      },
    },
  },
} as const;
