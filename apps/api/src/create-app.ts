import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { reportDocumentSchema } from '@hunan-perf/contracts';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { bodyParserErrors, limitJsonDepth, rejectNulInUrl } from './common/body-guards.js';
import { GlobalExceptionFilter } from './common/global-exception.filter.js';
import { precompressedAssets } from './common/precompressed-assets.js';
import { requestIdMiddleware } from './common/request-id.js';
import { requestLogger } from './common/request-logger.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { PinoNestLogger } from './logging/logger.js';
import { AuthService } from './modules/auth/auth.service.js';
import { docsRequireSignIn } from './modules/auth/docs-sign-in.js';
import { isPreEncoded } from './modules/analytics/encoded-answer.js';

export const API_PREFIX = 'api';

/**
 * Builds the Nest application (not yet listening): used by `npm start` and by the tests alike.
 * The dashboard reads through readDataSource (a replica's, or the primary's).
 */
export async function createApp(dataSource: DataSource, config: AppConfig, logger: Logger, readDataSource = dataSource): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(dataSource, readDataSource, config, logger), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(requestLogger(logger.child({ component: 'http' })));
  app.use(rejectNulInUrl);
  // JSON and CSV answers travel gzip-compressed when the client accepts it (a province overview is
  // megabytes of JSON); XLSX and zip are compressed already and pass as they are.
  // Cached analytics answers carry their compressed bytes already (encoded-answer.ts): skipped.
  // Level 1: a JSON answer made per request (lists, the review queue) is compressed in a third of
  // level 6's CPU at a few per cent more bytes; stored analytics answers come encoded already.
  app.use(compression({ threshold: 2048, level: 1, filter: (req, res) => !isPreEncoded(res) && compression.filter(req, res) }));
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(bodyParserErrors);
  app.use(limitJsonDepth);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  // The web app's hashed JS and CSS as brotli or gzip bytes made once, not deflated per request.
  app.use(precompressedAssets(config.webDistDir));
  app.use(cookieParser());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter(logger.child({ component: 'errors' })));

  app.use(`/${API_PREFIX}/docs`, docsRequireSignIn(app.get(AuthService)));
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => openApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
  });
  return app;
}

type SchemaEntry = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/**
 * The OpenAPI document, with the binding ReportDocument v1 JSON Schema (libs/contracts) published
 * as a component, so clients generated from it (the web's schema.d.ts) type reports for real.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiConfig());
  const { $schema, $id, ...reportDocument } = reportDocumentSchema;
  void $schema;
  void $id;
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ReportDocument: reportDocument as unknown as SchemaEntry } };
  return document;
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('湖南省部门整体支出绩效自评 汇总平台 API')
    .setDescription('登录后使用 httpOnly 会话 Cookie（hp_session）；写操作需带 X-CSRF-Token 请求头。金额单位万元，比率单位 %。')
    .setVersion('0.1.0')
    .addCookieAuth('hp_session')
    .build();
}
