import type { AuditEntry } from '@cc/shared/audit/values';
import type { I18n } from '../../../i18n/provider.tsx';

/**
 * An entry's change in words, split where its record id goes: Russian names the action as a noun and the target in
 * the genitive («Изменение очереди sales»), which is correct whatever the gender of the target or of whoever made
 * the change; English keeps "Queue sales changed".
 */
export function auditChangeText(t: I18n['t'], entry: Pick<AuditEntry, 'action' | 'target'>): { beforeId: string; afterId: string } {
  const [beforeId = '', afterId = ''] = t('audit.change', { action: t(`audit.action.${entry.action}`), target: t(`audit.of.${entry.target}`) }).split('{id}');
  return { beforeId: beforeId.trimEnd(), afterId: afterId.trimStart() };
}
