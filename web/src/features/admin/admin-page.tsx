import { useI18n } from '../../i18n/provider.tsx';
import { TopicsSection } from './topics/topics-section.tsx';
import { QuickRepliesSection } from './quick-replies/quick-replies-section.tsx';
import { AuditLog } from './audit/audit-log.tsx';
import { QueuesSection } from './queues/queues-section.tsx';
import { UsersSection } from './users/users-section.tsx';
import { PhoneNumbersSection } from './phone-numbers/phone-numbers-section.tsx';
import { SurveySettingsSection } from './surveys/survey-settings-section.tsx';
import { AnalyticsSettingsSection } from './analytics/analytics-settings-section.tsx';

/** Administration: queues, users, wrap-up topics, quick replies, surveys after chats, speech analytics and the audit log of changes to them. */
export function AdminPage() {
  const { t } = useI18n();

  return (
    <div className="admin">
      <p className="page-subtitle">{t('admin.subtitle')}</p>
      <QueuesSection />
      <UsersSection />
      <PhoneNumbersSection />
      <TopicsSection />
      <QuickRepliesSection />
      <SurveySettingsSection />
      <AnalyticsSettingsSection />
      <AuditLog />
    </div>
  );
}
