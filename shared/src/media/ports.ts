import type { MediaJob } from './model.ts';

/** What the store knows of an object without reading it. */
export interface StoredObjectInfo {
  contentType: string;
  sizeBytes: number;
  /** The name given at `put` (agents' uploads keep theirs). */
  fileName?: string | undefined;
}

/** Port: where our copies of files live (S3 in AWS, a folder locally). */
export interface MediaStore {
  /** Writes the object; writing the same key again replaces it (retries are idempotent). */
  put(objectKey: string, bytes: Uint8Array, contentType: string, fileName?: string): Promise<void>;
  get(objectKey: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  /** Type, size and name of an object, or undefined when there is none. */
  head(objectKey: string): Promise<StoredObjectInfo | undefined>;
  /** A short-lived link for a signed-in agent, or undefined when the store serves bytes through our own route. */
  signedUrl(objectKey: string, fileName: string | undefined): Promise<string | undefined>;
  /**
   * A link that works without our sign-in for `seconds`, for whoever we hand it to: a provider that
   * fetches the file itself (Viber) or a widget visitor. Undefined when the store cannot make one.
   */
  publicLink(objectKey: string, options: { seconds: number; fileName?: string | undefined }): Promise<string | undefined>;
}

/** Port: the download job queue (SQS in AWS, in-process locally). */
export interface MediaQueue {
  enqueue(job: MediaJob): Promise<void>;
}
