import type { QaEvaluation, QaForm, QaSettings } from './values.ts';

/** A tenant's QA forms and settings (pattern 45): a few dozen forms, listed in one query. */
export interface QaFormRepository {
  list(tenantId: string): Promise<QaForm[]>;
  get(tenantId: string, formId: string): Promise<QaForm | undefined>;
  /** @throws ConflictError when the id is taken. */
  create(form: QaForm): Promise<void>;
  /** @throws ConflictError when the stored version is not `expectedVersion` or the form is gone. */
  replace(form: QaForm, expectedVersion: number): Promise<void>;
  /** @throws ConflictError when the stored version is not `expectedVersion` or the form is gone. */
  delete(tenantId: string, formId: string, expectedVersion: number): Promise<void>;
  /** The stored settings, or undefined while the tenant has none (the defaults apply). */
  settings(tenantId: string): Promise<QaSettings | undefined>;
  saveSettings(tenantId: string, settings: QaSettings): Promise<void>;
}

/** Evaluations beside their contacts, listed by agent or for the tenant by when they were made (pattern 45). */
export interface QaEvaluationRepository {
  get(tenantId: string, evaluationId: string): Promise<QaEvaluation | undefined>;
  /** The contact's evaluations, on any form. */
  ofContact(tenantId: string, contactId: string): Promise<QaEvaluation[]>;
  /** @throws ConflictError when the contact has an evaluation on this form already. */
  create(evaluation: QaEvaluation): Promise<void>;
  /** @throws ConflictError when the stored version is not `expectedVersion`. */
  replace(evaluation: QaEvaluation, expectedVersion: number): Promise<void>;
  /** Evaluated within [from, to) — one agent's, or everyone's — newest first, at most `limit`. */
  list(tenantId: string, query: { agentId?: string; from: string; to: string; limit: number }): Promise<QaEvaluation[]>;
}
