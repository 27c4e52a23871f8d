import { useHashSubPath } from '../shell/use-hash-route.ts';
import { ContactReviewPage } from './contact-review-page.tsx';
import { QaSamplePage } from './qa-sample-page.tsx';
import { QaFormsPage } from './forms/qa-forms-page.tsx';

/** The contact id of `contact/<id>`, or undefined for any other (or malformed) sub-path. */
export function reviewedContactOf(subPath: string): string | undefined {
  const [view, id, ...rest] = subPath.split('/');
  if (view !== 'contact' || !id || rest.length > 0) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

/** The QA section: `#/qa` is the day's sample and the search, `#/qa/contact/<id>` one conversation's review, `#/qa/forms` the evaluation forms. */
export function QaSection() {
  const subPath = useHashSubPath();
  const contactId = reviewedContactOf(subPath);
  if (contactId) return <ContactReviewPage key={contactId} contactId={contactId} />;
  return subPath === 'forms' ? <QaFormsPage /> : <QaSamplePage />;
}
