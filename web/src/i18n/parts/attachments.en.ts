import type { attachmentsRu } from './attachments.ru.ts';

/** Customers' files in the conversation, in English. */
export const attachmentsEn: { readonly [K in keyof typeof attachmentsRu]: string } = {
  'attachment.pending': 'Fetching the file…',
  'attachment.state.too_large': 'The file is over {limit} and was not kept',
  'attachment.state.rejected': 'This type of file is not accepted and was not kept',
  'attachment.state.failed': 'Could not get the file from the messenger',
  'attachment.open': 'Open: {name}',
  'attachment.loadFailed': 'Could not open the file',
};
