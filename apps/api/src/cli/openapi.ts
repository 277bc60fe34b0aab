import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { createApp, openApiDocument } from '../create-app.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { createLogger } from '../logging/logger.js';

/**
 * Writes the OpenAPI document (the committed artefact the web client's types are generated
 * from) without a database: the routes and DTOs are all it needs.
 */
export async function buildOpenApiDocument(): Promise<object> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: 'postgres://openapi@localhost/none' };
  const app = await createApp(new DataSource(dataSourceOptions(config.databaseUrl)), config, createLogger('silent'));
  await app.init();
  const document = openApiDocument(app);
  await app.close();
  return document;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: openapi.js <output file>');
  writeFileSync(out, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
}
