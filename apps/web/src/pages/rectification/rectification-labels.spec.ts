import { describe, expect, it } from 'vitest';
import {
  AGE_BUCKETS, ageBucket, ageLabel, dueDateError, evidenceFileError, formatFileSize, rectificationActions, sourceLineLabel, sourceLineLink, statusLabel, statusTone,
} from './rectification-labels';

describe('整改 labels', () => {
  it('names the three statuses in Chinese and gives unknown values a dash', () => {
    expect(['pending', 'in_progress', 'done'].map(statusLabel)).toEqual(['待整改', '整改中', '已整改']);
    expect(statusLabel('closed')).toBe('—');
    expect(statusLabel(null)).toBe('—');
    expect(statusTone('pending')).toBe('danger');
    expect(statusTone('done')).toBe('success');
    expect(statusTone('x')).toBe('info');
  });

  it('puts an age in the same bucket as the API summary (edges inclusive at 90, 180, 365)', () => {
    expect(AGE_BUCKETS.map((b) => b.label)).toEqual(['0–90天', '91–180天', '181–365天', '一年以上']);
    expect([0, 90, 91, 180, 181, 365, 366, 2000].map((d) => ageBucket(d).key)).toEqual(
      ['age0to90', 'age0to90', 'age91to180', 'age91to180', 'age181to365', 'age181to365', 'ageOver365', 'ageOver365'],
    );
    expect(ageLabel(12)).toBe('12 天');
    expect(ageLabel(null)).toBe('—');
  });

  it('links a problem to its source line on the report page, or to the report alone', () => {
    expect(sourceLineLabel(141)).toBe('来源第 141 行');
    expect(sourceLineLabel(null)).toBeNull();
    expect(sourceLineLink('r1', 141)).toEqual({ name: 'report', params: { id: 'r1' }, query: { line: '141' } });
    expect(sourceLineLink('r1', null)).toEqual({ name: 'report', params: { id: 'r1' } });
  });

  it('refuses an empty or too large evidence file and a malformed due date, naming the field', () => {
    expect(evidenceFileError(null)).toContain('佐证材料');
    expect(evidenceFileError({ name: '照片.jpg', size: 0 })).toContain('空文件');
    expect(evidenceFileError({ name: '扫描件.pdf', size: 20 * 1024 * 1024 + 1 })).toContain('20 MB');
    expect(evidenceFileError({ name: '扫描件.pdf', size: 20 * 1024 * 1024 })).toBeNull();
    expect(dueDateError('2022-12-31')).toBeNull();
    expect(dueDateError('2022-02-30')).toContain('整改期限');
    expect(dueDateError('2022/12/31')).toContain('整改期限');
    expect(dueDateError('')).toContain('整改期限');
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('lets analysts, admins and submitters update items, viewers only read', () => {
    for (const role of ['admin', 'analyst', 'submitter'] as const) expect(rectificationActions(role).edit).toBe(true);
    expect(rectificationActions('viewer')).toEqual({ edit: false, downloadEvidence: true, export: true });
    expect(rectificationActions(null)).toEqual({ edit: false, downloadEvidence: false, export: false });
  });
});
