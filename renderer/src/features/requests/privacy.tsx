import { Switch } from '@fluentui/react-components';
import { createContext, useContext, useState, type ReactNode } from 'react';

// Privacy mode: names are masked in lists and on the request page, for screens that visitors or
// other staff can see.
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
      label={{ children: 'プライバシーモード（氏名を隠す）', style: { color: 'inherit' } }}
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
