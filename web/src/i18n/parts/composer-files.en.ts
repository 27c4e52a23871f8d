import type { composerFilesRu } from './composer-files.ru.ts';

/** The agent's files in the reply box, in English. */
export const composerFilesEn: { readonly [K in keyof typeof composerFilesRu]: string } = {
  'composer.file.attach': 'Attach a file',
  'composer.file.unavailable': 'This channel does not take files',
  'composer.file.remove': 'Remove the file {name}',
  'composer.file.uploading': 'Uploading: {percent}',
  'composer.file.ready': 'The file is ready to send',
  'composer.file.progress': 'Uploading {name}',
  'composer.file.tooLarge': 'The file is over {limit} and cannot be sent',
  'composer.file.typeRefused': 'This type of file cannot be sent: images (JPEG, PNG, WebP, GIF), PDF, Office documents and text can',
  'composer.file.failed': 'Could not upload the file: {reason}',
  'composer.file.retry': 'Upload again',
  'composer.file.captionTooLong': 'The caption is too long for a file on this channel',
  'conversation.fileSent': 'File: {name}',
};
