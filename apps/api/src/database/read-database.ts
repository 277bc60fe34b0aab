import { Inject } from '@nestjs/common';

/**
 * The connection the dashboard reads from: analytics, their cache version and the exports. It is
 * the primary unless DATABASE_READ_URL names a hot standby; every write goes to the primary
 * (the DataSource itself), so nothing here may write.
 */
export const READ_DATABASE = Symbol('READ_DATABASE');

/** Injects the read connection (a TypeORM DataSource, the primary's when no replica is set). */
export const InjectReadDatabase = (): PropertyDecorator & ParameterDecorator => Inject(READ_DATABASE);
