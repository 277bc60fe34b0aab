import { NAME_FOLLOWERS, ORG_SUFFIXES, TITLE_ENDINGS, TITLE_SUBJECTS } from '../lexicon/fields.js';
import { compact } from '../segment/cells.js';
import type { StreamCell } from '../segment/cells.js';
import { looksLikeUnitName, regionChain } from './region.js';

const ENDINGS = [...TITLE_ENDINGS].sort((a, b) => b.length - a.length);
const SUBJECTS = [...TITLE_SUBJECTS].sort((a, b) => b.length - a.length);

/**
 * The unit named by a report title, also when the title only starts a run-on line:
 * "2022年度株洲市工业和信息化局部门整体支出绩效自评报告", "许昌市河湖水系水源调度中心 2022 年整体和
 * 项目支出绩效自评总结报告 一 …", "耒阳市第四中学专项资金绩效自评价报告一、基本情况…".
 */
export function titleUnitName(text: string): string | null {
  const t = compact(text).slice(0, 160).replace(/^《/, '');
  let end = -1;
  for (const e of ENDINGS) {
    const at = t.indexOf(e);
    if (at > 0 && (end < 0 || at < end)) end = at;
  }
  if (end < 0) return null;
  let head = t.slice(0, end).replace(/^关于/, '');
  head = head.replace(/(?:绩效|预算)+$/, '');
  const subject = SUBJECTS.find((s) => head.endsWith(s));
  if (subject) head = head.slice(0, head.length - subject.length);
  head = head.replace(/[(（]?(?:19|20)\d{2}年度?[)）]?$/, '').replace(/^[(（]?(?:19|20)\d{2}年度?[)）]?/, '');
  return looksLikeUnitName(head) ? head : null;
}

/**
 * A short name's full form written elsewhere ("岳阳市委网信办" → "岳阳市委网络安全和信息化委员会办公室"):
 * a longer organisation name that starts like it, holds its characters in order, and ends where
 * the sentence goes on ("…办公室部门使用…").
 */
export function fullFormOf(name: string, cells: StreamCell[]): string | null {
  const prefix = regionChain(name).join('') || name.slice(0, 3);
  if (prefix.length < 2 || prefix.length >= name.length) return null;
  let best: string | null = null;
  for (const cell of cells) {
    const t = compact(cell.text);
    for (let at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + 1)) {
      const run = /^[\u4e00-\u9fa5]{1,40}/.exec(t.slice(at, at + 40))?.[0] ?? '';
      for (const suffix of ORG_SUFFIXES) {
        for (let k = run.indexOf(suffix); k >= 0; k = run.indexOf(suffix, k + 1)) {
          const cand = run.slice(0, k + suffix.length);
          const after = t.slice(at + cand.length);
          const ends = !/^[\u4e00-\u9fa5]/.test(after) || NAME_FOLLOWERS.some((f) => after.startsWith(f));
          if (ends && cand.length > name.length && isSubsequence(name, cand) && (!best || cand.length > best.length)) best = cand;
        }
      }
    }
  }
  return best;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}
