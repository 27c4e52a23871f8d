import type { StoredSurveySettings } from './schema.ts';

/** A tenant's survey settings (one item per tenant; absent means the defaults). */
export interface SurveySettingsRepository {
  get(tenantId: string): Promise<StoredSurveySettings | undefined>;
  put(settings: StoredSurveySettings): Promise<void>;
}
