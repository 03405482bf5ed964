import { useSettings } from '../../lib/settings';
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../../core/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { errorMessage } from '../../lib/api';
import { ChangePasswordForm } from '../session/ChangePasswordForm';
import { AccountsPanel } from './AccountsPanel';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { RetentionPanel } from './RetentionPanel';
import { IntakeSettingsPanel } from './IntakeSettingsPanel';
import { LettersPanel } from './LettersPanel';
import { OrganisationPanel } from './OrganisationPanel';
import { ProcessingPanel, ReasonsPanel } from './ProcessingPanel';
import { SecurityPanel } from './SecurityPanel';

const useStyles = makeStyles({
  body: { paddingTop: tokens.spacingVerticalL },
  // Eleven tabs do not fit one line at 1280 px: they wrap rather than run off the window.
  tabs: { flexWrap: 'wrap' },
});

type TabId =
  | 'organisation'
  | 'password'
  | 'intake'
  | 'processing'
  | 'reasons'
  | 'letters'
  | 'accounts'
  | 'security'
  | 'backup'
  | 'retention'
  | 'audit';

export function SettingsPage(props: { session: Session }) {
  const styles = useStyles();
  const admin = props.session.roles.includes('admin');
  const [tab, setTab] = useState<TabId>('organisation');
  const settings = useSettings();
  const tabs: { id: TabId; label: string; adminOnly: boolean }[] = [
    { id: 'organisation', label: '組織情報', adminOnly: false },
    { id: 'password', label: 'パスワード変更', adminOnly: false },
    { id: 'intake', label: '受付・手数料', adminOnly: true },
    { id: 'processing', label: '期限・委託元', adminOnly: true },
    { id: 'reasons', label: '理由の定型文', adminOnly: true },
    { id: 'letters', label: '回答書', adminOnly: true },
    { id: 'accounts', label: 'アカウント', adminOnly: true },
    { id: 'security', label: 'セキュリティ', adminOnly: true },
    { id: 'backup', label: 'バックアップ', adminOnly: true },
    { id: 'retention', label: '保存期間', adminOnly: true },
    { id: 'audit', label: '監査ログ', adminOnly: true },
  ];
  return (
    <div>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, d) => setTab(d.value as TabId)}
        aria-label="設定の項目"
      >
        {tabs
          .filter((t) => admin || !t.adminOnly)
          .map((t) => (
            <Tab key={t.id} value={t.id}>
              {t.label}
            </Tab>
          ))}
      </TabList>
      <div className={styles.body}>
        {settings.isError && <ErrorBar message={errorMessage(settings.error)} />}
        {tab === 'organisation' &&
          (settings.data ? (
            <OrganisationPanel value={settings.data.organisation} editable={admin} />
          ) : (
            <Spinner size="tiny" />
          ))}
        {tab === 'password' && <ChangePasswordForm onDone={() => undefined} />}
        {tab === 'intake' && admin && settings.data && (
          <IntakeSettingsPanel intake={settings.data.intake} fees={settings.data.fees} />
        )}
        {tab === 'processing' && admin && settings.data && <ProcessingPanel value={settings.data.processing} />}
        {tab === 'reasons' && admin && settings.data && <ReasonsPanel value={settings.data.reasons} />}
        {tab === 'letters' && admin && settings.data && <LettersPanel settings={settings.data} />}
        {tab === 'accounts' && admin && <AccountsPanel />}
        {tab === 'security' && admin && settings.data && <SecurityPanel value={settings.data.security} />}
        {tab === 'backup' && admin && <BackupPanel />}
        {tab === 'retention' && admin && <RetentionPanel />}
        {tab === 'audit' && admin && <AuditPanel />}
      </div>
    </div>
  );
}
