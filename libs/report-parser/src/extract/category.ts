import type { IndicatorCategory } from '@hunan-perf/contracts';
import { BROAD_LEVEL1_WORDS, LEVEL1_CATEGORY_WORDS } from '../lexicon/categories.js';

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
