import { MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { createContext, useContext, useState, type ReactNode } from 'react';

// Privacy mode, for screens that visitors or other staff can see: names are masked in lists, on
// the request page and in its title, kana are not shown, and what shows names and addresses as
// they are (letter previews, ID scans, the intake's list of possible duplicates) stays hidden.
// Kept for the session only (nothing about it is written to disk).
const PrivacyContext = createContext<{ on: boolean; set: (on: boolean) => void }>({ on: false, set: () => undefined });

export function PrivacyProvider(props: { children: ReactNode }) {
  const [on, set] = useState(false);
  return <PrivacyContext.Provider value={{ on, set }}>{props.children}</PrivacyContext.Provider>;
}

export function usePrivacy(): boolean {
  return useContext(PrivacyContext).on;
}

export function PrivacySwitch() {
  const { on, set } = useContext(PrivacyContext);
  return (
    <Switch
      label={{ children: 'プライバシーモード（氏名・住所を隠す）', style: { color: 'inherit' } }}
      checked={on}
      onChange={(_e, d) => set(d.checked)}
    />
  );
}

// The first character stays, the rest become ＊ (spaces kept, so 姓 and 名 stay apart).
// Graphemes, so a character with a variation selector (葛󠄀) or outside the BMP (𠮷) is one.
const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });
export function mask(name: string): string {
  return Array.from(graphemes.segment(name), (g, i) => (i === 0 || /\s/.test(g.segment) ? g.segment : '＊')).join('');
}

// What shows names and addresses as they are (a letter, a scan), hidden in privacy mode.
export function Private(props: { what: string; children: ReactNode }) {
  const on = usePrivacy();
  if (!on) return props.children;
  return (
    <MessageBar intent="info" data-testid="privacy-hidden">
      <MessageBarBody>プライバシーモードのため、{props.what}は表示していません。</MessageBarBody>
    </MessageBar>
  );
}
