import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { extractionLimitsFromEnv } from './extraction-limits.js';
import { ExtractionPool } from './extraction-pool.js';

/** The app's one extraction pool, configured from EXTRACTION_* at start-up and ended with the app. */
@Injectable()
export class ExtractionPoolService extends ExtractionPool implements OnModuleDestroy {
  constructor() {
    super(extractionLimitsFromEnv());
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
