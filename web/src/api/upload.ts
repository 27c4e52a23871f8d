import { NetworkError, ProblemError } from './errors.ts';
import type { Problem } from './types.ts';

/** How far an upload got, in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a file as the raw body with its type and the bearer token, reporting progress (fetch cannot
 * report an upload's progress; XMLHttpRequest can), and answers the JSON body.
 * @throws ProblemError for a non-2xx answer, NetworkError when no answer arrived, a DOMException `AbortError` when aborted.
 */
export function uploadFile<T>(url: string, file: Blob, options: { token: string; contentType: string; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ProblemError(xhr.status, typeof body === 'object' && body !== null && 'status' in body ? (body as Problem) : undefined));
    };
    xhr.onerror = () => reject(new NetworkError(`No answer from ${url}`));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal?.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
