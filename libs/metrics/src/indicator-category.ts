import type { IndicatorCategory } from '@hunan-perf/contracts';

/**
 * Canonical 一级 categories for comparisons across frameworks. The written 一级 name is kept; this
 * maps it (or, for 部门绩效-style 一级 names, its 二级) to one category. First match wins; words are
 * matched inside the compact name.
 */
export const LEVEL1_CATEGORY_WORDS: readonly { words: readonly string[]; category: IndicatorCategory }[] = [
  { words: ['满意度'], category: '满意度' },
  { words: ['效益', '效果', '履职效益', '影响'], category: '效益' },
  { words: ['产出', '职责履行', '履职', '成本'], category: '产出' },
  { words: ['投入', '预算配置', '目标设定'], category: '投入' },
  { words: ['过程', '执行', '预算执行'], category: '过程' },
  { words: ['决策', '规划'], category: '决策' },
  { words: ['管理'], category: '管理' },
  // 预算执行率 as a 一级 of its own is a 过程 measure (matched above); 年度资金总额 rows are their own kind.
  { words: ['资金'], category: '其他' },
];

/** 一级 names too broad to categorise alone ("部门绩效", "绩效"): the 二级 decides. */
export const BROAD_LEVEL1_WORDS: readonly string[] = ['部门绩效', '绩效'];

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

function match(name: string): IndicatorCategory | null {
  for (const entry of LEVEL1_CATEGORY_WORDS) if (entry.words.some((w) => name.includes(w))) return entry.category;
  return null;
}

/** The canonical category of an indicator row: from its 一级 name, or its 二级 where the 一级 is too broad. */
export function categoryOf(level1: string | null, level2: string | null): IndicatorCategory | null {
  const l1 = squash(level1 ?? '');
  const l2 = squash(level2 ?? '');
  if (!l1 && !l2) return null;
  const broad = !l1 || BROAD_LEVEL1_WORDS.includes(l1);
  return (broad ? match(l2) : null) ?? match(l1) ?? (l1 ? '其他' : match(l2));
}
