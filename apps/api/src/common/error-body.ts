import type { ErrorDetail } from './app-error.js';

/** The one error body every endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}
