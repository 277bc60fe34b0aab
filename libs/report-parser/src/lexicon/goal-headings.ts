/**
 * What a 绩效目标 heading is, as data: the words its title ends with, the words that make it a
 * heading about the goals rather than the goals themselves (完成情况, 合理性 …), how long a title
 * may be, and the numbering that ranks a heading above 一、 (第二部分). Titles are compared in
 * compact form (whitespace removed, traditional characters already simplified, a trailing colon
 * dropped).
 */
export const GOAL_HEADING = {
  /** A goal heading's title ends with one of these: "（二）单位年度整体支出绩效目标", "年度绩效目标". */
  endings: ['绩效目标', '绩效目标及指标', '绩效目标和指标', '绩效目标及绩效指标'] as readonly string[],
  /** Any of these in the title: a heading about the goals (their 完成情况, 合理性, 评价), not the goals. */
  exclude: ['完成', '实现', '情况', '合理', '明确', '评价', '自评', '偏离', '调整', '管理', '设定', '编制', '分析', '问题', '措施'] as readonly string[],
  /** Titles longer than this (compact characters) are sentences, not headings. */
  maxTitleLength: 24,
  /** A heading without a number ranks as （一）: its section ends at the next 一、 or （一）. */
  unnumberedLevel: 2,
} as const;

/**
 * "第二部分 …", "第三章 …": ranks above 一、 (headings of the sections module rank 0 附件, 1 一、,
 * 2 （一）, 3 1., 4 （1）). Linear: one class run, then a fixed word.
 */
export const PART_HEADING = /^第[一二三四五六七八九十]{1,3}(?:部分|章|篇)[、.．:：\s]*/;
export const PART_LEVEL = 0.5;
