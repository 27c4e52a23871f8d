/** Where each tenant's widget token signing key is kept, encrypted with the secrets cipher. */
export interface WidgetKeyRepository {
  /** The encrypted key, or undefined before the tenant's first widget session. */
  get(tenantId: string): Promise<string | undefined>;
  /**
   * Stores the tenant's first key.
   * @throws ConflictError when another process stored one first (read that one instead).
   */
  create(tenantId: string, encryptedKey: string, at: string): Promise<void>;
}

/** When each call from the site last heard from its visitor's page (`heartbeat.ts`). */
export interface VisitorHeartbeats {
  /** Notes a beat at `at`; a later beat replaces it. */
  record(tenantId: string, contactId: string, at: string): Promise<void>;
  /** The last beat (read consistently); undefined before the first. */
  lastSeen(tenantId: string, contactId: string): Promise<string | undefined>;
}
