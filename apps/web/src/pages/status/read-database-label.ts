import type { ReadDatabaseHealth } from '@/api/health';

export interface ReadDatabaseLabel {
  tag: string;
  ok: boolean;
  /** What it is and how far behind, in words; null when nothing more to say. */
  detail: string | null;
}

/** 1536 → "1.5 KB"; bytes of WAL a standby has yet to replay. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The status page's 看板读取 row: the primary itself, or the replica with its replication lag. */
export function readDatabaseLabel(read: ReadDatabaseHealth): ReadDatabaseLabel {
  if (read.database === 'down') return { tag: '无法连接', ok: false, detail: read.connection === 'replica' ? '只读副本（DATABASE_READ_URL）' : null };
  if (read.connection === 'primary') return { tag: '主库', ok: true, detail: '未配置只读副本，看板与导出直接读主库' };
  if (!read.standby) return { tag: '只读连接', ok: true, detail: '该服务器不是热备（未处于恢复状态），无复制延迟可报' };
  if (read.lagBytes === null) return { tag: '只读副本（热备）', ok: true, detail: '复制延迟未知（主库未应答）' };
  if (read.lagBytes === 0) return { tag: '只读副本（热备）', ok: true, detail: '已与主库同步' };
  const seconds = read.lagSeconds === null ? '' : `，约 ${read.lagSeconds} 秒`;
  return { tag: '只读副本（热备）', ok: true, detail: `落后主库 ${formatBytes(read.lagBytes)}${seconds}` };
}
