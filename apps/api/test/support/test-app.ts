import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { createLogger } from '../../src/logging/logger.js';
import { loadUnitRegistry } from '../../src/modules/units/unit-registry.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { Role } from '../../src/modules/users/app-user.entity.js';
import { openTestDataSource } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  server: Server;
  dataSource: DataSource;
  /** The database as its owner role (DDL the app role may not run, e.g. a test's fault trigger). */
  ownerUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/** The real Nest app on a fresh clone of the migrated database, with the unit registry loaded. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, logger = createLogger('silent')): Promise<TestApp> {
  const { db, dataSource, close } = await openTestDataSource();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: 'postgres://test', ...overrides };
  await loadUnitRegistry(dataSource, config.unitRegistryFile);
  const app = await createApp(dataSource, config, logger);
  await app.init();
  return {
    app,
    server: app.getHttpServer() as Server,
    dataSource,
    ownerUrl: db.url,
    config,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  userId: string;
}

let counter = 0;

/** Creates a user of the role (submitters get a region) directly through the service. */
export async function newUser(t: TestApp, role: Role, regionCode: string | null = null) {
  counter += 1;
  const username = `${role}-${counter}`;
  const password = `pw-${role}-${counter}-long-enough`;
  const user = await t.app.get(UsersService).create({ username, password, role, regionCode }, null);
  return { id: user.id, username, password };
}

/** Signs in through the API and returns a cookie-keeping agent plus the CSRF token for writes. */
export async function signIn(t: TestApp, username: string, password: string): Promise<Session> {
  const agent = request.agent(t.server);
  const res = await agent.post('/api/auth/login').send({ username, password }).expect(200);
  return { agent, csrf: res.body.csrfToken as string, userId: res.body.user.id as string };
}

export async function sessionAs(t: TestApp, role: Role, regionCode: string | null = null): Promise<Session> {
  const user = await newUser(t, role, regionCode);
  return signIn(t, user.username, user.password);
}
