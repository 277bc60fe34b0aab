import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { READ_DATABASE } from './read-database.js';

/**
 * Provides the already-initialised DataSource (migrations ran before Nest starts) for writes, and
 * the read connection for the dashboard (READ_DATABASE): a replica's, or the same DataSource.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource, readDataSource: DataSource = dataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: READ_DATABASE, useValue: readDataSource },
      ],
      exports: [DataSource, READ_DATABASE],
    };
  }
}
