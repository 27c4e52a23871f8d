/** `GET /api/reports` as the API reads it: the query string's fields, their defaults and limits. */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { GROUP_BYS, REPORT_INTERVALS, type ReportInterval } from './values.ts';

/** The longest range per bucket size: a month of 15-minute buckets, a quarter of hours, three years of days. */
export const MAX_RANGE_DAYS: Record<ReportInterval, number> = { '15m': 31, hour: 92, day: 1100, week: 1100, month: 1100, total: 1100 };
export const MAX_REPORT_PAGE = 5000;

export const ReportQuerySchema = lazySchema(() => z.object({
  groupBy: z.enum(GROUP_BYS).default('queue'),
  interval: z.enum(REPORT_INTERVALS).default('day'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Comma-separated metric ids; absent: every interval metric kept for the dimension. */
  metrics: z.string().max(2000).optional(),
  /** Only these queues, agents or channels (comma-separated). */
  ids: z.string().max(2000).optional(),
  format: z.enum(['json', 'csv']).optional(),
  lang: z.enum(['ru', 'en']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_REPORT_PAGE).default(1000),
  cursor: z.string().regex(/^\d{1,9}$/, 'cursor is the nextCursor of the previous page').optional(),
}).refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] }));
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
