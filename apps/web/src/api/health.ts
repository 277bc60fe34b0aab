import { apiFetch } from './http';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  databaseKind: 'embedded' | 'external';
  databaseVersion: string | null;
  uptimeSeconds: number;
}

export const fetchHealth = () => apiFetch<Health>('/health');
