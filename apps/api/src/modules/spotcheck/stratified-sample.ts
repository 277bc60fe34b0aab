import { seededRandom, shuffled } from './seeded-random.js';

/** One confirmed report of the year, as the population snapshot stores it. */
export interface SampleCandidate {
  reportId: string;
  unitId: string;
  regionCode: string;
  /** The unit's level (e.g. 省级/市级/县级), the second stratification key. */
  level: string;
}

export type SampleSize = { kind: 'count'; value: number } | { kind: 'percent'; value: number };

export interface SampleRequest {
  size: SampleSize;
  seed: string;
  /** Units that must be in the sample whatever the draw. */
  mustIncludeUnitIds?: readonly string[];
}

export interface StratumAllocation {
  key: string;
  regionCode: string;
  level: string;
  population: number;
  allocated: number;
}

export interface DrawnSample {
  /** Target size from the request (before must-include units that exceed their stratum's share). */
  target: number;
  strata: StratumAllocation[];
  /** Sampled report ids, in stratum order then draw order. */
  reportIds: string[];
  /** Report ids that are in because their unit must be included. */
  mustIncluded: string[];
}

/**
 * The allocation rule (documented for the 抽查 page):
 * 1. Target n = the count, or ceil(N × percent / 100), capped at the population N.
 * 2. Strata are (region, level) pairs with at least one report, ordered by key.
 * 3. When n ≥ the number of strata k, every stratum gets max(1, floor(n × size / N)); the total
 *    is then brought to n by largest remainder (adding to strata with the largest unmet share,
 *    taking from the most over-served strata that have more than one), ties by stratum key.
 *    When n < k, the n largest strata get one each (ties by key).
 * 4. Must-include units fill their stratum's share first; a stratum with more of them than its
 *    share takes them all and the surplus is taken back from the other strata (those with the
 *    most drawn, non-forced reports first, keeping one per stratum while possible). The sample
 *    exceeds n only when the must-include units alone are more than n.
 * 5. The rest of each share is a seeded Fisher–Yates draw over the stratum's reports sorted by id,
 *    one random stream for the whole draw in stratum order: same seed + same population → same sample.
 */
export function drawStratifiedSample(population: readonly SampleCandidate[], request: SampleRequest): DrawnSample {
  const total = population.length;
  const target = Math.min(
    total,
    request.size.kind === 'count' ? Math.floor(request.size.value) : Math.ceil((total * request.size.value) / 100),
  );
  const groups = new Map<string, SampleCandidate[]>();
  for (const c of population) {
    const key = `${c.regionCode}|${c.level}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const keys = [...groups.keys()].sort();
  const sizes = keys.map((k) => groups.get(k)!.length);
  const must = new Set(request.mustIncludeUnitIds ?? []);
  const forcedCounts = keys.map((k) => groups.get(k)!.filter((m) => must.has(m.unitId)).length);
  const alloc = withForced(allocate(sizes, target), forcedCounts, target);

  const random = seededRandom(request.seed);
  const reportIds: string[] = [];
  const mustIncluded: string[] = [];
  const strata: StratumAllocation[] = [];
  keys.forEach((key, i) => {
    const members = [...groups.get(key)!].sort((a, b) => (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0));
    const forced = members.filter((m) => must.has(m.unitId));
    const rest = members.filter((m) => !must.has(m.unitId));
    const drawn = shuffled(rest, random).slice(0, Math.max(0, alloc[i] - forced.length));
    for (const m of forced) mustIncluded.push(m.reportId);
    const chosen = [...forced, ...drawn];
    reportIds.push(...chosen.map((m) => m.reportId));
    strata.push({ key, regionCode: members[0].regionCode, level: members[0].level, population: members.length, allocated: chosen.length });
  });
  return { target, strata, reportIds, mustIncluded };
}

/** Proportional allocation with at least one per stratum when n allows (rule 3 above). */
export function allocate(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  const k = sizes.length;
  const order = (cmp: (a: number, b: number) => number) => sizes.map((_, i) => i).sort((a, b) => cmp(a, b) || a - b);
  if (n <= 0 || total === 0) return sizes.map(() => 0);
  if (n < k) {
    const out = sizes.map(() => 0);
    for (const i of order((a, b) => sizes[b] - sizes[a]).slice(0, n)) out[i] = 1;
    return out;
  }
  const quota = sizes.map((s) => (n * s) / total);
  const out = quota.map((q, i) => Math.min(sizes[i], Math.max(1, Math.floor(q))));
  let sum = out.reduce((s, x) => s + x, 0);
  while (sum < n) {
    const i = order((a, b) => quota[b] - out[b] - (quota[a] - out[a])).find((j) => out[j] < sizes[j]);
    if (i === undefined) break;
    out[i]++;
    sum++;
  }
  while (sum > n) {
    const i = order((a, b) => quota[a] - out[a] - (quota[b] - out[b])).find((j) => out[j] > 1);
    if (i === undefined) break;
    out[i]--;
    sum--;
  }
  return out;
}

/** Raises each share to its must-include count and takes the surplus back (rule 4 above). */
function withForced(alloc: readonly number[], forced: readonly number[], target: number): number[] {
  const out = alloc.map((a, i) => Math.max(a, forced[i]));
  let sum = out.reduce((s, x) => s + x, 0);
  while (sum > target) {
    const free = out.map((_, i) => i).filter((i) => out[i] > forced[i]);
    const keepOne = free.filter((i) => out[i] > 1);
    const pool = keepOne.length > 0 ? keepOne : free;
    if (pool.length === 0) break;
    const i = pool.reduce((best, j) => (out[j] - forced[j] > out[best] - forced[best] ? j : best));
    out[i]--;
    sum--;
  }
  return out;
}
