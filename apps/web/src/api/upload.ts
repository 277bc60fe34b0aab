import { ApiError, type ApiErrorBody, csrfToken } from './http';
import type { IngestResult } from './types';

/**
 * Uploads one file to POST /api/documents (field `files`) with progress events. XMLHttpRequest,
 * because fetch reports no upload progress. Resolves with the file's IngestResult; a 422 (the
 * file could not be imported) resolves with its error too, so the page can show it per file.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.withCredentials = true;
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      onProgress(1);
      if (xhr.status >= 200 && xhr.status < 300 && Array.isArray(body) && body[0]) return resolve(body[0] as IngestResult);
      const err = body as ApiErrorBody | null;
      if (xhr.status === 422 && err?.message) {
        const code = (err.details?.[0] as { code?: string } | undefined)?.code ?? err.error;
        return resolve({ fileName: file.name, error: { code, message: err.message } });
      }
      reject(new ApiError(xhr.status, err));
    };
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}
