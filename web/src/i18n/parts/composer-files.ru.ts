/** The agent's files in the reply box, in Russian, the source of their keys. */
export const composerFilesRu = {
  'composer.file.attach': 'Прикрепить файл',
  'composer.file.unavailable': 'Этот канал не принимает файлы',
  'composer.file.remove': 'Убрать файл {name}',
  'composer.file.uploading': 'Загрузка: {percent}',
  'composer.file.ready': 'Файл готов к отправке',
  'composer.file.progress': 'Загрузка файла {name}',
  'composer.file.tooLarge': 'Файл больше {limit}: такой отправить нельзя',
  'composer.file.typeRefused': 'Такой тип файла отправить нельзя: подойдут изображения (JPEG, PNG, WebP, GIF), PDF, документы Office и текст',
  'composer.file.failed': 'Не удалось загрузить файл: {reason}',
  'composer.file.retry': 'Загрузить ещё раз',
  'composer.file.captionTooLong': 'Слишком длинная подпись к файлу для этого канала',
  'conversation.fileSent': 'Файл: {name}',
};
