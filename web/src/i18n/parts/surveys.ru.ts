/** Surveys after chats in the administration, in Russian, the source of their keys. */
export const surveysRu = {
  'admin.surveys.title': 'Опросы после чатов',
  'admin.surveys.hint': 'Оценка 1–5 (CSI) и вопрос NPS 0–10 после чата, в том же мессенджере или виджете. Звонки спрашивают по своему сценарию номера.',
  'admin.surveys.chats': 'Отправлять опрос, когда оператор завершил чат',
  'admin.surveys.nps': 'После оценки спрашивать NPS (0–10)',
  'admin.surveys.timeoutHours': 'Ответ принимается, часов',
  'admin.surveys.text.csi': 'Вопрос об оценке',
  'admin.surveys.text.nps': 'Вопрос NPS',
  'admin.surveys.text.thanks': 'Благодарность',
  'admin.surveys.save': 'Сохранить',
  'admin.surveys.saved': 'Настройки опросов сохранены',
  'admin.surveys.failed': 'Не удалось сохранить настройки опросов',
} as const;
