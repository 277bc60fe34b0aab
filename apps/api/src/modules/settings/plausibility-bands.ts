import { PLAUSIBILITY_LABELS, PLAUSIBILITY_METRICS, type PlausibilityBands } from '@hunan-perf/metrics';
import { badRequest, type ErrorDetail } from '../../common/app-error.js';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const BOUND_LIMIT = 100000;

/** Checks an admin's plausibility bands; every problem names its field and says it in Chinese. */
export function validatePlausibilityBands(input: unknown): PlausibilityBands {
  const problems: ErrorDetail[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const set = input as Partial<PlausibilityBands> | null;
  if (!set || typeof set !== 'object' || Array.isArray(set)) throw badRequest('BANDS_INVALID', '合理范围设置必须是 JSON 对象');
  if (typeof set.version !== 'string' || !set.version.trim() || set.version.length > 50) fail('version', '版本必须是 1–50 个字符的文本');
  const bands = set.bands as Record<string, unknown> | undefined;
  if (!bands || typeof bands !== 'object' || Array.isArray(bands)) {
    fail('bands', `合理范围必须逐项给出：${PLAUSIBILITY_METRICS.map((m) => PLAUSIBILITY_LABELS[m].label).join('、')}`);
  } else {
    for (const key of Object.keys(bands)) {
      if (!(PLAUSIBILITY_METRICS as readonly string[]).includes(key)) fail(`bands.${key}`, `不认识的指标“${key}”，只能设置 ${PLAUSIBILITY_METRICS.map((m) => PLAUSIBILITY_LABELS[m].label).join('、')}`);
    }
    for (const metric of PLAUSIBILITY_METRICS) {
      const label = PLAUSIBILITY_LABELS[metric].label;
      const band = bands[metric] as Record<string, unknown> | undefined;
      if (!band || typeof band !== 'object') {
        fail(`bands.${metric}`, `缺少${label}的合理范围`);
        continue;
      }
      for (const bound of ['min', 'max'] as const) {
        const v = band[bound];
        const name = bound === 'min' ? '下限' : '上限';
        if (v !== null && (!isNumber(v) || Math.abs(v) > BOUND_LIMIT)) fail(`bands.${metric}.${bound}`, `${label}的${name}必须是 −${BOUND_LIMIT} 到 ${BOUND_LIMIT} 之间的数字，或留空（不设${name}）`);
      }
      if (isNumber(band.min) && isNumber(band.max) && band.min > band.max) fail(`bands.${metric}`, `${label}的下限 ${band.min} 高于上限 ${band.max}`);
    }
  }
  if (problems.length) throw badRequest('BANDS_INVALID', `合理范围设置不符合要求：${problems.map((p) => p.message).join('；')}`, problems);
  return {
    version: set.version!.trim(),
    bands: Object.fromEntries(PLAUSIBILITY_METRICS.map((m) => {
      const b = bands![m] as { min: number | null; max: number | null };
      return [m, { min: b.min, max: b.max }];
    })) as PlausibilityBands['bands'],
  };
}
