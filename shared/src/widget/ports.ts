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
