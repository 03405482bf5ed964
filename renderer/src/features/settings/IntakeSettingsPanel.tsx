import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FeeSchedule, IntakeSettings } from '../../../../core/contract';
import { feeKinds, feeMeans, feeMeansLabels } from '../../../../core/domain/intake/fees';
import { kindInfo, type RequestKind } from '../../../../core/domain/intake/kinds';
import { documentInfo, documentTypes } from '../../../../core/domain/intake/documents';
import { formatReceiptNo, receiptPatternProblems } from '../../../../core/domain/intake/receipt-number';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { IdentityRulesFields } from './IdentityRulesFields';
import { ErrorBar } from '../../components/ErrorBar';
import { call, errorWithIssues } from '../../lib/api';
import { japanToday } from '../../../../core/domain/dates';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

const toggle = <T,>(list: readonly T[], v: T, on: boolean): T[] => (on ? [...list, v] : list.filter((x) => x !== v));

// 受付番号, the identity policy and the fee schedule (administrators only).
// The certificates judged by their issue date, each of which may have a window of its own.
const windowDocuments = documentTypes.filter((t) => documentInfo[t].issueWindow);

export function IntakeSettingsPanel(props: { intake: IntakeSettings; fees: FeeSchedule }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [intake, setIntake] = useState(props.intake);
  const [fees, setFees] = useState(props.fees);
  const [amountText, setAmountText] = useState(String(props.fees.amount));
  // A kind's own amount; blank: the common amount.
  const [ownText, setOwnText] = useState<Partial<Record<RequestKind, string>>>(() =>
    Object.fromEntries(Object.entries(props.fees.amounts ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const typed = Object.entries(ownText)
    .map(([k, t]) => [k, t.normalize('NFKC').trim()] as const)
    .filter(([k, t]) => t !== '' && fees.kinds.includes(k as RequestKind));
  const own = Object.fromEntries(typed.map(([k, t]) => [k, Number(t)])) as Partial<Record<RequestKind, number>>;
  const ownBad = typed.some(([, t]) => !/^\d{1,5}$/.test(t));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      await call('settings.updateIntake', intake);
      await call('settings.updateFees', {
        amount: Number(amountText),
        per: fees.per,
        accepted: fees.accepted,
        kinds: fees.kinds,
        ...(Object.keys(own).length ? { amounts: own } : {}),
      });
    },
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['settings.get'] });
    },
    onError: () => setSaved(false),
  });
  const patternProblems = receiptPatternProblems(intake.receiptPattern);
  const amountBad = !/^\d{1,5}$/.test(amountText);
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (patternProblems.length === 0 && !amountBad && !ownBad) save.mutate();
      }}
    >
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>保存しました。</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={save.isError ? errorWithIssues(save.error) : null} />
      <Subtitle2>受付番号</Subtitle2>
      <Field
        label="受付番号の形式"
        hint={
          patternProblems.length === 0
            ? {
                children: (
                  <>
                    次の番号の例: {formatReceiptNo(intake.receiptPattern, japanToday(new Date()), 1)}（
                    <code translate="no">{'{YYYY}'}</code>=西暦、<code translate="no">{'{YY}'}</code>=西暦下2桁、
                    <code translate="no">{'{NNNN}'}</code>=連番）
                  </>
                ),
              }
            : undefined
        }
        validationMessage={patternProblems[0]}
        validationState={patternProblems.length ? 'error' : 'none'}
      >
        <Input value={intake.receiptPattern} onChange={(_e, d) => setIntake({ ...intake, receiptPattern: d.value })} />
      </Field>
      <Checkbox
        label="FAX は仮受付として扱う（原本が届くまで調査を始めません）"
        checked={intake.faxProvisional === true}
        onChange={(_e, d) => setIntake({ ...intake, faxProvisional: d.checked === true })}
      />
      <Subtitle2>本人確認</Subtitle2>
      <Field label="住民票・戸籍謄本・印鑑登録証明書などの有効期間（発行日からの月数）">
        <Input
          type="number"
          min={1}
          max={12}
          value={String(intake.issueWindowMonths)}
          onChange={(_e, d) => setIntake({ ...intake, issueWindowMonths: Number(d.value) })}
        />
      </Field>
      <div className={styles.row} role="group" aria-label="書類ごとの有効期間">
        {windowDocuments.map((t) => (
          <Field key={t} label={`${documentInfo[t].label}（か月）`} hint="空欄: 上の期間と同じ">
            <Input
              type="number"
              min={1}
              max={12}
              value={intake.issueWindows?.[t] === undefined ? '' : String(intake.issueWindows[t])}
              onChange={(_e, d) => {
                const others = Object.fromEntries(Object.entries(intake.issueWindows ?? {}).filter(([k]) => k !== t));
                const windows = d.value === '' ? others : { ...others, [t]: Number(d.value) };
                setIntake({ ...intake, issueWindows: windows });
              }}
            />
          </Field>
        ))}
      </div>
      <Checkbox
        label="弁護士による請求でも実印の押印と印鑑登録証明書を求める"
        checked={intake.lawyerNeedsSealCertificate}
        onChange={(_e, d) => setIntake({ ...intake, lawyerNeedsSealCertificate: d.checked === true })}
      />
      <IdentityRulesFields value={intake.rules ?? {}} onChange={(rules) => setIntake({ ...intake, rules })} />
      <Subtitle2>手数料</Subtitle2>
      <Field
        label="手数料（円）"
        validationMessage={amountBad ? '0以上の整数で入力してください。' : undefined}
        validationState={amountBad ? 'error' : 'none'}
      >
        <Input inputMode="numeric" value={amountText} onChange={(_e, d) => setAmountText(d.value)} />
      </Field>
      <Field label="手数料の単位">
        <RadioGroup
          layout="horizontal"
          value={fees.per}
          onChange={(_e, d) => setFees({ ...fees, per: d.value === 'kind' ? 'kind' : 'request' })}
        >
          <Radio value="request" label="請求1件ごと" />
          <Radio value="kind" label="請求の種類ごと" />
        </RadioGroup>
      </Field>
      <CheckboxGroup
        label="手数料を求める請求（法第38条により、訂正・利用停止等には求められません）"
        className={styles.row}
      >
        {feeKinds.map((k) => (
          <Checkbox
            key={k}
            label={kindInfo[k].label}
            checked={fees.kinds.includes(k)}
            onChange={(_e, d) => setFees({ ...fees, kinds: toggle(fees.kinds, k, d.checked === true) })}
          />
        ))}
      </CheckboxGroup>
      <div className={styles.row} role="group" aria-label="請求の種類ごとの手数料">
        {feeKinds
          .filter((k) => fees.kinds.includes(k))
          .map((k) => (
            <Field
              key={k}
              label={`${kindInfo[k].label}の手数料（円）`}
              hint="空欄: 上の手数料と同じ"
              validationMessage={
                ownText[k] && !/^\d{1,5}$/.test(ownText[k].normalize('NFKC').trim())
                  ? '0以上の整数で入力してください。'
                  : undefined
              }
            >
              <Input
                inputMode="numeric"
                value={ownText[k] ?? ''}
                onChange={(_e, d) => setOwnText({ ...ownText, [k]: d.value })}
              />
            </Field>
          ))}
      </div>
      <CheckboxGroup label="受け付ける支払方法" className={styles.row}>
        {feeMeans.map((m) => (
          <Checkbox
            key={m}
            label={feeMeansLabels[m]}
            checked={fees.accepted.includes(m)}
            onChange={(_e, d) => setFees({ ...fees, accepted: toggle(fees.accepted, m, d.checked === true) })}
          />
        ))}
      </CheckboxGroup>
      <div>
        <Button
          type="submit"
          appearance="primary"
          disabled={save.isPending || patternProblems.length > 0 || amountBad || ownBad}
        >
          保存する
        </Button>
      </div>
    </form>
  );
}
