import { describe, expect, it } from 'vitest';
import { draftOf, thresholdsOf, versionAt, wordsOf } from './threshold-draft';

const saved = {
  version: 'default-2026.1', highScore: 90, lowExecutionRate: 80, targetExceededPercent: 130,
  emptyProblemWords: ['暂无', '无'], weightTotal: 100, weightTolerance: 0.01,
};
const at = new Date(2026, 11, 4, 9, 5);

describe('quality threshold draft', () => {
  it('round-trips the saved thresholds under a new version', () => {
    expect(thresholdsOf(draftOf(saved), at)).toEqual({ ...saved, version: '管理员设定 2026-12-04 09:05' });
  });

  it('reads one word per line or list separator, trimmed, without blanks or repeats', () => {
    expect(wordsOf(' 暂无\n\n无、没有，暂无；/ \r\n')).toEqual(['暂无', '无', '没有', '/']);
  });

  it('names the first empty field in Chinese and does not save', () => {
    expect(thresholdsOf({ ...draftOf(saved), lowExecutionRate: null }, at)).toEqual({ error: '请填写执行率下限（%）' });
    expect(thresholdsOf({ ...draftOf(saved), emptyProblemWords: ' \n、' }, at)).toEqual({ error: '请至少填写一条空泛问题用语' });
  });

  it('keeps the version within the 50 characters the server allows', () => {
    expect(versionAt(at).length).toBeLessThanOrEqual(50);
  });
});
