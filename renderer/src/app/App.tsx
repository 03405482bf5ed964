import {
  Body1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { AboutDialog } from '../features/shell/AboutDialog';
import { StatusBar } from '../features/shell/StatusBar';
import { isSectionId, sections, type SectionId } from '../features/shell/sections';
import { onEvent } from '../lib/api';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr auto', gridTemplateColumns: '220px 1fr', height: '100vh' },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXL },
  footer: { gridColumn: '1 / 3' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
});

function SectionBody(props: { id: SectionId }) {
  if (props.id === 'dashboard') return <DashboardPage />;
  return (
    <MessageBar intent="info">
      <MessageBarBody>この画面は今後のバージョンで提供されます。</MessageBarBody>
    </MessageBar>
  );
}

export function App() {
  const styles = useStyles();
  const [section, setSection] = useState<SectionId>('dashboard');
  const [aboutOpen, setAboutOpen] = useState(false);
  const current = sections.find((s) => s.id === section) ?? sections[0];

  useEffect(
    () =>
      onEvent('app.menu', (payload) => {
        if (payload.command === 'about') setAboutOpen(true);
      }),
    [],
  );

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="p">窓口 Madoguchi</Title3>
        <Body1>保有個人データ開示等請求 管理</Body1>
      </header>
      <nav className={styles.nav} aria-label="メインメニュー">
        <TabList
          vertical
          size="large"
          selectedValue={section}
          onTabSelect={(_e, data) => {
            if (isSectionId(data.value)) setSection(data.value);
          }}
        >
          {sections.map((s) => (
            <Tab key={s.id} value={s.id}>
              {s.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main} aria-labelledby="page-title">
        <Title2 as="h1" id="page-title">
          {current.label}
        </Title2>
        <Body1 className={styles.description}>{current.description}</Body1>
        <SectionBody id={current.id} />
      </main>
      <div className={styles.footer}>
        <StatusBar />
      </div>
      <AboutDialog
        open={aboutOpen}
        onClose={() => {
          setAboutOpen(false);
        }}
      />
    </div>
  );
}
