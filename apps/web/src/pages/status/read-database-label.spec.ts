import { describe, expect, it } from 'vitest';
import { formatBytes, readDatabaseLabel } from './read-database-label';

const replica = { connection: 'replica', database: 'up', standby: true } as const;

describe('看板读取 on the status page', () => {
  it('names the primary when no replica is configured', () => {
    expect(readDatabaseLabel({ connection: 'primary', database: 'up', standby: false, lagBytes: null, lagSeconds: null })).toEqual({
      tag: '主库', ok: true, detail: '未配置只读副本，看板与导出直接读主库',
    });
  });

  it('says a standby is in step, or how far behind in bytes and seconds', () => {
    expect(readDatabaseLabel({ ...replica, lagBytes: 0, lagSeconds: 0 }).detail).toBe('已与主库同步');
    expect(readDatabaseLabel({ ...replica, lagBytes: 3 * 1024 * 1024 + 512 * 1024, lagSeconds: 2.5 })).toEqual({
      tag: '只读副本（热备）', ok: true, detail: '落后主库 3.5 MB，约 2.5 秒',
    });
    expect(readDatabaseLabel({ ...replica, lagBytes: 200, lagSeconds: null }).detail).toBe('落后主库 200 字节');
    expect(readDatabaseLabel({ ...replica, lagBytes: null, lagSeconds: null }).detail).toBe('复制延迟未知（主库未应答）');
  });

  it('flags a replica that cannot be reached, and a read server that is no standby', () => {
    expect(readDatabaseLabel({ ...replica, database: 'down', standby: null, lagBytes: null, lagSeconds: null })).toEqual({
      tag: '无法连接', ok: false, detail: '只读副本（DATABASE_READ_URL）',
    });
    expect(readDatabaseLabel({ ...replica, standby: false, lagBytes: null, lagSeconds: null }).tag).toBe('只读连接');
  });

  it('formats bytes in 1024 steps', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual(['0 字节', '1023 字节', '1.5 KB', '5.0 GB']);
  });
});
