/**
 * What copied-text detection knows, in one place: the sections compared, how short a statement
 * may be before its likeness to another says nothing (a bare heading such as 预算不够精准 is
 * written by many units on their own), the threshold's default and bounds, and the Chinese words
 * for each of these.
 */

/**
 * The statements compared, each only with the same section of the other report: 存在的问题 and
 * 改进措施 from the document's findings, 绩效目标 from the source text (the contract has no field for it).
 */
export const PARAGRAPH_SECTIONS = ['problem', 'measure', 'goal'] as const;
export type ParagraphSection = (typeof PARAGRAPH_SECTIONS)[number];

export const SECTION_LABELS: Record<ParagraphSection, string> = { problem: '存在的问题', measure: '改进措施', goal: '绩效目标' };

/** The labels joined for texts that name every section: 存在的问题、改进措施、绩效目标. */
export const SECTION_LIST = PARAGRAPH_SECTIONS.map((s) => SECTION_LABELS[s]).join('、');

/**
 * What the stored paragraphs were made by: the shingling and the goal finder's version. When
 * either changes (a new section, a changed finder), every row is made again at start-up.
 */
export const GOAL_FINDER_VERSION = 'goal-headings/v1';

/** Which report a paragraph is compared with. */
export const REUSE_RELATIONS = ['other_unit', 'previous_year'] as const;
export type ReuseRelation = (typeof REUSE_RELATIONS)[number];

export const RELATION_LABELS: Record<ReuseRelation, string> = { other_unit: '与其他单位雷同', previous_year: '与本单位上年雷同' };

/** Statements with fewer characters of wording (letters and digits) than this are not listed as copied. */
export const MIN_WORDING_LENGTH = 12;

export const TEXT_REUSE_SETTINGS_KEY = 'text_reuse';

/** Jaccard similarity (%) from which two statements count as near-duplicates, until an admin sets another. */
export const DEFAULT_THRESHOLD_PERCENT = 60;
export const THRESHOLD_MIN = 30;
export const THRESHOLD_MAX = 100;

export interface TextReuseSettings {
  thresholdPercent: number;
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The admin's threshold, else the default. */
export async function textReuseSettings(m: Queryable): Promise<TextReuseSettings> {
  const rows = (await m.query(`SELECT value FROM setting WHERE key = $1`, [TEXT_REUSE_SETTINGS_KEY])) as { value: Partial<TextReuseSettings> }[];
  return { thresholdPercent: rows[0]?.value.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT };
}
