import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, type Observable, finalize, switchMap } from 'rxjs';
import type { RequestWithUploads } from '../documents/disk-upload.interceptor.js';
import { uploadLimitsFromEnv } from '../documents/upload-limits.js';
import { receiveUpload } from '../documents/upload-receiver.js';
import { EVIDENCE_MAX_BYTES } from './rectification-rules.js';

/** The field an evidence file comes in. */
export const EVIDENCE_FIELD = 'file';

/**
 * multipart/form-data → the one evidence file on disk (req.uploads), a file over EVIDENCE_MAX_BYTES
 * counted but not kept; the request's temporary folder is removed once the handler has answered.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly limits = { ...uploadLimitsFromEnv(), maxFiles: 1 };

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<RequestWithUploads>();
    if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return next.handle();
    const limits = { ...this.limits, maxFileBytes: Math.min(EVIDENCE_MAX_BYTES, this.limits.maxPartBytes) };
    return from(receiveUpload(req, limits, EVIDENCE_FIELD)).pipe(
      switchMap((received) => {
        req.uploads = received.parts;
        return next.handle().pipe(finalize(() => void received.cleanup().catch(() => undefined)));
      }),
    );
  }
}
