import { useState } from 'react';
import { useI18n } from '../../i18n/provider.tsx';
import { TranscriptPanel } from './transcript-panel.tsx';

/** A past call in the customer's history: its transcript, opened on demand so the history loads no transcripts up front. */
export function HistoryTranscript({ contactId }: { contactId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="history-transcript">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((value) => !value)} data-testid="history-transcript-toggle">
        {open ? t('transcript.hide') : t('transcript.show')}
      </button>
      {open && <TranscriptPanel contactId={contactId} compact />}
    </div>
  );
}
