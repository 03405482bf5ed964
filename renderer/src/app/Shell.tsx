import { Body1, Button, Title2, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageTitleContext } from './page-title';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { AboutDialog } from '../features/shell/AboutDialog';
import { ShortcutsDialog } from '../features/shell/ShortcutsDialog';
import { shortcutOf } from '../../../core/domain/shortcuts';
import { StatusBar } from '../features/shell/StatusBar';
import { sections, type SectionId } from '../features/shell/sections';
import type { Session } from '../../../core/contract';
import { roleLabels } from '../../../core/domain/roles';
import { IntakePage } from '../features/intake/IntakePage';
import { useQuery } from '@tanstack/react-query';
import { RequestPage } from '../features/requests/RequestPage';
import { EditRequest } from '../features/requests/EditRequest';
import type { IntakePart } from '../features/requests/RequestContents';
import { RequestListPage } from '../features/requests/RequestListPage';
import { PrivacyProvider, PrivacySwitch } from '../features/requests/privacy';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { FormRequestsPage } from '../features/forms/FormRequestsPage';
import { call, onEvent } from '../lib/api';
import { useLock } from '../lib/session';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr auto', gridTemplateColumns: '220px 1fr', height: '100vh' },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  menu: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { width: '100%', justifyContent: 'flex-start', fontSize: tokens.fontSizeBase400, minHeight: '40px' },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXL },
  // No browser margins around the titles: every page starts higher (the dashboard must fit one
  // screen at 1366×768).
  brand: { margin: 0 },
  title: { marginTop: 0, marginBottom: tokens.spacingVerticalXS },
  footer: { gridColumn: '1 / 3' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
  account: { marginLeft: 'auto', display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

// A request opened from anywhere; a "修正" swaps in the intake form filled with what is stored.
function OpenRequest(props: {
  id: string;
  onBack?: () => void;
  onNew?: () => void;
  onOpen?: (id: string) => void;
  created?: boolean;
}) {
  const [editing, setEditing] = useState<IntakePart | null>(null);
  // Back from the form, the page opens at the part just corrected.
  const [corrected, setCorrected] = useState<IntakePart | null>(null);
  const request = useQuery({
    queryKey: ['requests.get', props.id],
    queryFn: () => call('requests.get', { id: props.id }),
    enabled: editing !== null,
  });
  if (editing && request.data) {
    const done = () => {
      setCorrected(editing);
      setEditing(null);
    };
    return <EditRequest request={request.data} part={editing} onDone={done} />;
  }
  return (
    <RequestPage
      id={props.id}
      onBack={props.onBack}
      onNew={props.onNew}
      onOpen={props.onOpen}
      onEdit={setEditing}
      at={corrected}
      created={props.created === true}
    />
  );
}

function IntakeSection() {
  const [created, setCreated] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  if (created) {
    return (
      <OpenRequest
        id={created}
        created
        onNew={() => {
          setCreated(null);
          setRound(round + 1);
        }}
      />
    );
  }
  return <IntakePage key={round} onCreated={setCreated} />;
}

function SectionBody(props: { id: SectionId; session: Session }) {
  const [open, setOpen] = useState<string | null>(null);
  if (open && (props.id === 'dashboard' || props.id === 'requests')) {
    return <OpenRequest key={open} id={open} onBack={() => setOpen(null)} onOpen={setOpen} />;
  }
  if (props.id === 'dashboard') return <DashboardPage session={props.session} onOpen={setOpen} />;
  if (props.id === 'requests') return <RequestListPage onOpen={setOpen} />;
  if (props.id === 'intake') return <IntakeSection />;
  if (props.id === 'reports') return <ReportsPage session={props.session} />;
  if (props.id === 'forms') return <FormRequestsPage />;
  return <SettingsPage session={props.session} />;
}

export function Shell(props: { session: Session }) {
  const styles = useStyles();
  const lock = useLock();
  const [section, setSection] = useState<SectionId>('dashboard');
  const [aboutOpen, setAboutOpen] = useState(false);
  // Choosing a menu item again returns to its start page (from an opened request, say).
  const [visit, setVisit] = useState(0);
  const current = sections.find((s) => s.id === section) ?? sections[0];
  const [pageTitle, setPageTitle] = useState<string | null>(null);
  // After login the focus starts on the page's title, not on the body: a screen reader announces
  // where the user is, and Tab goes on from there.
  // Choosing a menu item does the same: the keyboard goes on into the page just opened.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [visit]);

  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  useEffect(
    () =>
      onEvent('app.menu', (payload) => {
        if (payload.command === 'about') setAboutOpen(true);
        if (payload.command === 'shortcuts') setShortcutsOpen(true);
        if (payload.command === 'newIntake') {
          setSection('intake');
          setVisit((v) => v + 1);
        }
      }),
    [],
  );

  // The shortcuts (core/domain/shortcuts.ts) from anywhere: Ctrl+L locks, Ctrl+N or Alt+N opens
  // 新規受付, F1 or ? the list. In Electron the menu's accelerators do the same in main.
  const { mutate: lockNow } = lock;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const target = e.target;
      const typing =
        (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLElement && target.isContentEditable);
      const command = shortcutOf(e, typing);
      if (command === null) return;
      e.preventDefault();
      if (command === 'lock') lockNow('manual');
      else if (command === 'shortcuts') setShortcutsOpen(true);
      else {
        setSection('intake');
        setVisit((v) => v + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lockNow]);

  return (
    <PrivacyProvider>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="p" block className={styles.brand}>
            窓口 Madoguchi
          </Title3>
          <Body1>保有個人データ開示等請求 管理</Body1>
          <div className={styles.account}>
            <PrivacySwitch />
            <Body1 data-testid="current-account">
              {props.session.displayName}（{props.session.roles.map((r) => roleLabels[r]).join('・')}）
            </Body1>
            <Button size="small" onClick={() => lock.mutate('manual')} disabled={lock.isPending} title="Ctrl+L">
              ロック
            </Button>
            <Button size="small" onClick={() => lock.mutate('logout')} disabled={lock.isPending}>
              ログアウト
            </Button>
          </div>
        </header>
        <nav className={styles.nav} aria-label="メインメニュー">
          {/* A list of buttons, not a tablist: each item is a Tab stop, and Enter or Space opens it. */}
          <ul className={styles.menu}>
            {sections.map((s) => (
              <li key={s.id}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.item, s.id === section && styles.current)}
                  aria-current={s.id === section ? 'page' : undefined}
                  onClick={() => {
                    setSection(s.id);
                    setVisit((v) => v + 1);
                  }}
                >
                  {s.label}
                </Button>
              </li>
            ))}
          </ul>
        </nav>
        <main className={styles.main} aria-labelledby="page-title">
          <Title2 as="h1" block id="page-title" tabIndex={-1} className={styles.title}>
            {pageTitle ?? current.label}
          </Title2>
          {pageTitle === null && current.description !== null && (
            <Body1 className={styles.description}>{current.description}</Body1>
          )}
          <PageTitleContext.Provider value={setPageTitle}>
            <SectionBody
              // Lists only: the intake form must not be wiped by a second click on its menu item.
              key={current.id === 'dashboard' || current.id === 'requests' ? `${current.id}-${visit}` : current.id}
              id={current.id}
              session={props.session}
            />
          </PageTitleContext.Provider>
        </main>
        <div className={styles.footer}>
          <StatusBar />
        </div>
        <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        <AboutDialog
          open={aboutOpen}
          onClose={() => {
            setAboutOpen(false);
          }}
        />
      </div>
    </PrivacyProvider>
  );
}
