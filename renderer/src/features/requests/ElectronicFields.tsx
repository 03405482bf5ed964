import { Body1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import {
  electronicFormatLabels,
  electronicFormats,
  electronicRouteLabels,
  electronicRoutes,
  passwordRouteLabels,
  passwordRoutes,
  requestedMethodLabels,
  type Electronic,
} from '../../../../core/domain/electronic';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'end',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Props = {
  value: Partial<Electronic>;
  requested: 'media' | 'email' | 'download';
  requestedFormat: string;
  onChange: (next: Partial<Electronic>) => void;
  problem: string | undefined;
};

// A choice is kept in the decision once complete (format, route, password route).
export function completeElectronic(e: Partial<Electronic>): Electronic | null {
  return e.format && e.route && e.passwordRoute
    ? { format: e.format, route: e.route, linkValidDays: e.linkValidDays ?? null, passwordRoute: e.passwordRoute }
    : null;
}

// 電磁的記録 as the company provides it, beside what the person asked for (33条1項).
export function ElectronicFields({ value: e, requested, requestedFormat, onChange, problem }: Props) {
  const styles = useStyles();
  const change = (patch: Partial<Electronic>) => {
    const next = { ...e, ...patch };
    if (next.route !== 'download') next.linkValidDays = null;
    onChange(next);
  };
  return (
    <div role="group" aria-label="電磁的記録による提供">
      <Body1 block>
        ご請求の方法: {requestedMethodLabels[requested]}
        {requestedFormat ? `（ご希望の形式: ${requestedFormat}）` : ''}
      </Body1>
      <div className={styles.group}>
        <Field label="ファイル形式" required>
          <Select value={e.format ?? ''} onChange={(_e, v) => change({ format: v.value as Electronic['format'] })}>
            <option value="">選択してください</option>
            {electronicFormats.map((f) => (
              <option key={f} value={f}>
                {electronicFormatLabels[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="提供の経路" required>
          <Select value={e.route ?? ''} onChange={(_e, v) => change({ route: v.value as Electronic['route'] })}>
            <option value="">選択してください</option>
            {electronicRoutes.map((r) => (
              <option key={r} value={r}>
                {electronicRouteLabels[r]}
              </option>
            ))}
          </Select>
        </Field>
        {e.route === 'download' && (
          <Field label="リンクの有効期間（日数）" required>
            <Input
              type="number"
              min={1}
              max={30}
              value={e.linkValidDays === null || e.linkValidDays === undefined ? '' : String(e.linkValidDays)}
              onChange={(_e, v) => change({ linkValidDays: v.value === '' ? null : Number(v.value) })}
            />
          </Field>
        )}
        <Field label="パスワードのお知らせ方法" required>
          <Select
            value={e.passwordRoute ?? ''}
            onChange={(_e, v) => change({ passwordRoute: v.value as Electronic['passwordRoute'] })}
          >
            <option value="">選択してください</option>
            {passwordRoutes.map((p) => (
              <option key={p} value={p}>
                {passwordRouteLabels[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {problem && (
        <Body1 block role="alert" className={styles.error}>
          {problem}
        </Body1>
      )}
    </div>
  );
}
