import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { DEFAULT_SURVEY_TEXTS, DEFAULT_SURVEY_TIMEOUT_HOURS, MAX_SURVEY_TIMEOUT_HOURS, SURVEY_TEXT_MAX_LENGTH, type SurveySettings } from './values.ts';

const TextSchema = lazySchema(() => z.string().trim().min(1).max(SURVEY_TEXT_MAX_LENGTH));
const LocalTextSchema = lazySchema(() => z.strictObject({ ru: TextSchema, en: TextSchema }));

/** `PUT /api/surveys/settings`: the whole setting; a missing text keeps its default. */
export const SurveySettingsSchema = lazySchema((): z.ZodType<SurveySettings, unknown> => z.strictObject({
  chats: z.boolean(),
  nps: z.boolean(),
  timeoutHours: z.number().int().min(1).max(MAX_SURVEY_TIMEOUT_HOURS).default(DEFAULT_SURVEY_TIMEOUT_HOURS),
  texts: z.strictObject({
    csi: LocalTextSchema.default(DEFAULT_SURVEY_TEXTS.csi),
    nps: LocalTextSchema.default(DEFAULT_SURVEY_TEXTS.nps),
    thanks: LocalTextSchema.default(DEFAULT_SURVEY_TEXTS.thanks),
  }).default(DEFAULT_SURVEY_TEXTS),
}));

/** The settings as stored, with who changed them last. */
export type StoredSurveySettings = SurveySettings & { tenantId: string; updatedAt: string; updatedBy: string };
