/** A supervisor changes an agent's status with a reason; the agent is told who and why. */
export const statusChangeRu = {
  'statusChange.open': 'Сменить статус',
  'statusChange.openFor': 'Сменить статус: {name}',
  'statusChange.title': 'Статус: {name}',
  'statusChange.current': 'Сейчас: {status}',
  'statusChange.status': 'Новый статус',
  'statusChange.comment': 'Причина',
  'statusChange.commentHint': 'Её увидят оператор и журнал изменений',
  'statusChange.commentRequired': 'Укажите причину',
  'statusChange.cancel': 'Отмена',
  'statusChange.submit': 'Сменить статус',
  'statusChange.saving': 'Сохраняем…',
  'statusChange.saved': '{name} — статус «{status}»',
  'statusChange.error': 'Не удалось сменить статус: {reason}',
  // Neutral wording: the name's grammatical gender is not known («установил» / «установила»).
  'statusChange.setBy': 'Статус изменён — {name}: «{comment}»',
} as const;
