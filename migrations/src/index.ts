import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';
import { ReviewWorkflow1763900000000 } from './1763900000000-review-workflow.js';

/** Every migration, oldest first. A new migration is appended here and never edited once committed. */
export const migrations = [InitialSchema1763800000000, ReviewWorkflow1763900000000];
