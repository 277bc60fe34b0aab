import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Recurring themes of 存在的问题, each recognised by the words that signal it after Chinese word
 * segmentation. A problem may belong to several themes; one that matches none is 其他.
 */
export const PROBLEM_THEMES: ReadonlyArray<{ theme: string; words: string[] }> = [
  { theme: '预算编制', words: ['预算编制', '编制', '追加', '调剂', '年初预算', '预算调整', '科学性', '精准'] },
  { theme: '绩效目标设置', words: ['绩效目标', '目标', '指标', '量化', '细化', '可衡量'] },
  { theme: '执行进度', words: ['执行', '进度', '支出进度', '滞后', '结转', '结余', '拨付'] },
  { theme: '财务管理', words: ['财务', '会计', '核算', '账务', '票据', '报账', '审核'] },
  { theme: '绩效管理意识', words: ['绩效意识', '绩效管理', '绩效评价', '自评', '意识'] },
  { theme: '制度与内控', words: ['制度', '内控', '内部控制', '规范'] },
  { theme: '项目管理', words: ['项目', '监管', '跟踪', '验收', '实施'] },
  { theme: '资产管理', words: ['资产', '固定资产', '设备'] },
  { theme: '人员与能力', words: ['人员', '人手', '专业', '培训', '队伍'] },
  { theme: '信息公开', words: ['公开', '信息化'] },
];

/**
 * Words that say nothing about a problem: function words, connectives, hedges, amounts and the
 * words every problem statement uses. Dropped before themes and keywords are counted.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '和', '与', '及', '等', '了', '在', '对', '是', '有', '不', '为', '中', '需', '要', '将', '把', '被', '从', '向', '以',
  '但是', '但', '虽然', '虽', '还是', '还', '而且', '并且', '以及', '或者', '因为', '由于', '所以', '因此', '如果', '导致', '造成',
  '进一步', '存在', '问题', '方面', '工作', '情况', '一些', '部分', '较', '有待', '加强', '提高', '不够', '不足', '仍然', '仍',
  '目前', '现在', '今后', '一定', '一定程度', '比较', '相对', '个别', '少数', '一是', '二是', '三是', '四是', '五是', '没有', '其中', '相关',
  '万元', '亿元', '元', '年度', '全年', '我局', '本局', '单位', '部门',
]);

/** A token of digits, amounts and punctuation only ("100", "3.5%", "2021年", "10万元"). */
const NUMERIC_TOKEN = /^[\d.%、，。；：,;:()（）年月日万亿元个项]+$/;

let jieba: Jieba | null = null;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Segmentations of recent texts: many units write the same statements (a backfill meets each again and again). */
const cache = new Map<string, string[]>();
const CACHE_SIZE = 20_000;

export function segment(text: string): string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const words = segmenter().cut(text, false).map((w) => w.trim()).filter((w) => w.length >= 2 && !STOP_WORDS.has(w) && !NUMERIC_TOKEN.test(w));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, words);
  return words;
}

export function themesOf(text: string, words: string[] = segment(text)): string[] {
  const found = PROBLEM_THEMES.filter((t) => t.words.some((w) => words.includes(w) || (w.length >= 3 && text.includes(w)))).map((t) => t.theme);
  return found.length ? found : ['其他'];
}
