import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, type Observable, finalize, switchMap } from 'rxjs';
import { receiveUpload, type UploadedPart } from './upload-receiver.js';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

export type RequestWithUploads = Request & { uploads?: UploadedPart[] };

/**
 * multipart/form-data → files on disk (req.uploads), within the upload limits; the request's
 * temporary folder is removed once the handler has answered (or failed). Other bodies pass through.
 */
@Injectable()
export class DiskUploadInterceptor implements NestInterceptor {
  constructor(@Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<RequestWithUploads>();
    if (!req.is('multipart/form-data') && !/^multipart\//i.test(req.headers['content-type'] ?? '')) return next.handle();
    return from(receiveUpload(req, this.limits)).pipe(
      switchMap((received) => {
        req.uploads = received.parts;
        return next.handle().pipe(finalize(() => void received.cleanup().catch(() => undefined)));
      }),
    );
  }
}
