/** What the metrics need stored: cells folded in once per stream record, and cells read back for reports. */
import type { AggregateCell } from './fold.ts';
import type { StoredCell } from './report.ts';
import type { Dimension, Measures } from './values.ts';

export interface MetricsRepository {
  /**
   * Adds `cells` to the stored aggregates once for `recordId`: `'applied'`, or `'duplicate'` when the record had
   * been folded already (nothing changes then).
   */
  fold(tenantId: string, recordId: string, cells: readonly { cell: AggregateCell; measures: Measures }[]): Promise<'applied' | 'duplicate'>;
  /** The cells of the dimension values from `from` to `to` inclusive: 15-minute starts (ISO) or local dates. */
  read(tenantId: string, dimension: Dimension, values: readonly string[], period: { kind: 'I' | 'D'; from: string; to: string }): Promise<StoredCell[]>;
}
