/** Customers' files in the conversation, in Russian, the source of their keys. */
export const attachmentsRu = {
  'attachment.pending': 'Файл загружается…',
  'attachment.state.too_large': 'Файл больше {limit}, он не сохранён',
  'attachment.state.rejected': 'Такой тип файла не принимается, он не сохранён',
  'attachment.state.failed': 'Не удалось получить файл у мессенджера',
  'attachment.open': 'Открыть: {name}',
  'attachment.loadFailed': 'Не удалось открыть файл',
};
