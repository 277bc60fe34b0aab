import { apiFetch } from './http';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  databaseKind: 'embedded' | 'external';
  databaseVersion: string | null;
  readDatabase: ReadDatabaseHealth;
  uptimeSeconds: number;
}

/** The connection the dashboard and exports read from (DATABASE_READ_URL's hot standby, or the primary). */
export interface ReadDatabaseHealth {
  connection: 'primary' | 'replica';
  database: 'up' | 'down';
  standby: boolean | null;
  lagBytes: number | null;
  lagSeconds: number | null;
}

export const fetchHealth = () => apiFetch<Health>('/health');
