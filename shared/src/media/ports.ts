import type { MediaJob } from './model.ts';

/** Port: where our copies of files live (S3 in AWS, a folder locally). */
export interface MediaStore {
  /** Writes the object; writing the same key again replaces it (retries are idempotent). */
  put(objectKey: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(objectKey: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  /** A short-lived link for a signed-in agent, or undefined when the store serves bytes through our own route. */
  signedUrl(objectKey: string, fileName: string | undefined): Promise<string | undefined>;
}

/** Port: the download job queue (SQS in AWS, in-process locally). */
export interface MediaQueue {
  enqueue(job: MediaJob): Promise<void>;
}
