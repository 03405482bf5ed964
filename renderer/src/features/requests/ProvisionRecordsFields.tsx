import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { parseDate, slashDate } from '../../../../core/domain/dates';
import {
  MAX_PROVISION_RECORDS,
  PUBLISHED,
  emptyProvisionRecord,
  provisionBasisLabels,
  provisionBases,
  provisionDirectionLabels,
  provisionDirections,
  provisionExclusionLabels,
  provisionExclusions,
  type ProvisionRecord,
} from '../../../../core/domain/provision-records';

const useStyles = makeStyles({
  record: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  wide: { gridColumn: '1 / -1' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Props = {
  records: ProvisionRecord[];
  onChange: (records: ProvisionRecord[]) => void;
  problems: string[];
};

// 第三者提供記録 (33条5項) entered as a table of records, one card per record, with the items of
// 施行規則20条・24条. A record excluded by 施行令11条 stays in the file and is not printed.
export function ProvisionRecordsFields({ records, onChange, problems }: Props) {
  const styles = useStyles();
  // The dates as typed (2025/04/01, 令和7年…); each record keeps its ISO reading.
  const [dates, setDates] = useState(() => records.map((r) => (r.date ? slashDate(r.date) : '')));
  const update = (i: number, patch: Partial<ProvisionRecord>) =>
    onChange(records.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div role="group" aria-label="開示する第三者提供記録" className={styles.list}>
      <Body1 block>
        開示する第三者提供記録（通知書の別紙に表で記載します。施行令第11条により除外する記録は記載されません）
      </Body1>
      {records.map((r, i) => {
        const dateText = dates[i] ?? '';
        const dateWrong = dateText !== '' && !parseDate(dateText);
        return (
          <div key={i} className={styles.record} role="group" aria-label={`記録${i + 1}`}>
            <Field label="区分" required>
              <Select
                value={r.direction}
                onChange={(_e, v) =>
                  update(i, {
                    direction: v.value as ProvisionRecord['direction'],
                    ...(v.value === 'provided' ? { acquisition: '' } : {}),
                  })
                }
              >
                {provisionDirections.map((d) => (
                  <option key={d} value={d}>
                    {provisionDirectionLabels[d]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="年月日"
              hint="例: 2025/04/01（オプトアウトの場合は必須）"
              validationMessage={dateWrong ? '日付は「2026/11/22」の形式で入力してください。' : undefined}
              validationState={dateWrong ? 'error' : 'none'}
            >
              <Input
                value={dateText}
                onChange={(_e, v) => {
                  setDates(records.map((_, j) => (j === i ? v.value : (dates[j] ?? ''))));
                  update(i, { date: parseDate(v.value) ?? '' });
                }}
              />
            </Field>
            <Field label={r.direction === 'provided' ? '提供先の氏名又は名称' : '提供元の氏名又は名称'} required>
              <Input value={r.counterparty} onChange={(_e, v) => update(i, { counterparty: v.value })} />
            </Field>
            <Field label="相手方の住所・代表者" required={r.direction === 'received'}>
              <Input value={r.counterpartyDetails} onChange={(_e, v) => update(i, { counterpartyDetails: v.value })} />
            </Field>
            <Field label="個人データの項目" required>
              <Input value={r.items} onChange={(_e, v) => update(i, { items: v.value })} />
            </Field>
            <Field label="根拠" required>
              <Select value={r.basis} onChange={(_e, v) => update(i, { basis: v.value as ProvisionRecord['basis'] })}>
                {provisionBases.map((b) => (
                  <option key={b} value={b}>
                    {provisionBasisLabels[b]}
                  </option>
                ))}
              </Select>
            </Field>
            {r.direction === 'received' && r.basis === 'optOut' && (
              <Checkbox
                className={styles.wide}
                label={`${PUBLISHED}（個人情報保護委員会の公表を確認した）`}
                checked={r.published}
                onChange={(_e, v) => update(i, { published: v.checked === true })}
              />
            )}
            {r.direction === 'received' && (
              <Field label="提供元による取得の経緯" required className={styles.wide}>
                <Textarea value={r.acquisition} onChange={(_e, v) => update(i, { acquisition: v.value })} />
              </Field>
            )}
            <Field label="施行令第11条による除外" className={styles.wide}>
              <Select
                value={r.exclusion ?? ''}
                onChange={(_e, v) =>
                  update(i, { exclusion: v.value === '' ? null : (v.value as ProvisionRecord['exclusion']) })
                }
              >
                <option value="">除外しない（通知書に記載する）</option>
                {provisionExclusions.map((x) => (
                  <option key={x} value={x}>
                    {provisionExclusionLabels[x]}
                  </option>
                ))}
              </Select>
            </Field>
            <div>
              <Button
                onClick={() => {
                  setDates(dates.filter((_, j) => j !== i));
                  onChange(records.filter((_, j) => j !== i));
                }}
              >
                記録{i + 1}を削除
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          disabled={records.length >= MAX_PROVISION_RECORDS}
          onClick={() => {
            setDates([...dates, '']);
            onChange([...records, emptyProvisionRecord()]);
          }}
        >
          記録を追加
        </Button>
      </div>
      {problems.map((p) => (
        <Body1 key={p} block role="alert" className={styles.error}>
          {p}
        </Body1>
      ))}
    </div>
  );
}
