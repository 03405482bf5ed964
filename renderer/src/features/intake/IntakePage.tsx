import { cardStyle } from '../../components/styles';
import { isoOrNull, useLiveCheck } from './live-check';
import { useSettings } from '../../lib/settings';
import { slashDate, slashDateTime } from '../../../../core/domain/dates';
import {
  Body1,
  Button,
  Card,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState } from 'react';
import { Controller, useForm, useFormState, useWatch, type FieldPath } from 'react-hook-form';
import { defaultFeeSchedule } from '../../../../core/domain/intake/fees';
import { identityPolicyOf } from '../../../../core/domain/intake/identity';
import {
  channelLabels,
  channels,
  kindInfo,
  requesterTypeLabels,
  requesterTypes,
  type RequesterType,
} from '../../../../core/domain/intake/kinds';
import { emptyParty } from '../../../../core/domain/intake/request';
import { intakeResolver } from './resolver';
import { DateField } from '../../components/DateField';
import { ErrorBar } from '../../components/ErrorBar';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ApiError, call } from '../../lib/api';
import type { RequestDetail } from '../../../../core/contract';
import { enterMovesOn } from '../../lib/enterMovesOn';
import { useRevealRefusal } from '../../lib/reveal';
import { CheckPanel } from './CheckPanel';
import { FeeSection } from './FeeSection';
import { IdentitySection } from './IdentitySection';
import { RegisteredMatchFields } from './RegisteredMatchFields';
import { KindsSection } from './KindsSection';
import { savedLine, useIntakeDraft } from './draft';
import { emptyIntake, type IntakeForm } from './model';
import { PartyFields } from './PartyFields';
import { EarlierWarning } from '../requests/EarlierRequests';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 340px',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: cardStyle,
  row: {
    display: 'grid',
    // As many columns as fit (see IdentitySection): four fixed ones overflowed at 1280×720.
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
  },
  side: { position: 'sticky', top: 0, padding: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end' },
});

// The form as stored for a request, to correct it or add what a 補正 brought.
export function formOf(r: RequestDetail): IntakeForm {
  return {
    channel: r.channel,
    arrivalDate: r.arrivalDate,
    provisional: r.provisional,
    trackingNo: r.trackingNo,
    requesterType: r.requesterType,
    principal: r.principal,
    agent: r.agent,
    items: r.items,
    disclosureMethod: r.disclosureMethod,
    answerTo: r.answerTo,
    delivery: r.delivery,
    replyAddress: r.replyAddress,
    replyPostalCode: r.replyPostalCode,
    notes: r.notes,
    identity: {
      documents: r.identity.documents,
      nameAddressMatch: r.identity.nameAddressMatch,
      lawyerRegistrationNo: r.identity.lawyerRegistrationNo,
      ...(r.identity.registeredMatch ? { registeredMatch: r.identity.registeredMatch } : {}),
    },
    payments: r.payments,
  };
}

const invalidMessage = '入力内容に誤りがあります。赤字の項目をご確認ください。';

export function IntakePage(props: {
  onCreated: (id: string) => void;
  // Given: the form corrects this request instead of registering a new one.
  existing?: RequestDetail;
  onCancel?: () => void;
}) {
  const existing = props.existing;
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  // Validated on change as well as on blur: a message that vanished only on blur would shift the
  // layout under the pointer and swallow the click that caused the blur.
  const form = useForm<IntakeForm>({
    resolver: intakeResolver,
    defaultValues: existing ? formOf(existing) : emptyIntake(),
    mode: 'all',
  });
  const c = form.control;
  const values = useWatch({ control: c }) as IntakeForm;
  // The 「入力内容に誤りがあります」 bar stays only while a field is still in error: it goes once
  // the last red field is fixed. Other refusals stay until the next attempt.
  const [invalid, setInvalid] = useState<string | null>(null);
  const { errors } = useFormState({ control: c });
  const shownError = error ?? (invalid !== null && Object.keys(errors).length > 0 ? invalid : null);
  const settings = useSettings();
  const policy = identityPolicyOf(settings.data?.intake);
  const live = useLiveCheck(values, settings.data?.fees ?? defaultFeeSchedule, policy);
  // The details to match against the registered record, where the company confirms a 本人's
  // e-mail or web request that way.
  const matchFields =
    values.requesterType === 'self' && policy.registeredMatch?.channels.includes(values.channel)
      ? policy.registeredMatch.fields
      : null;
  const agent = values.requesterType !== 'self';
  const hasDisclosure = values.items.some((i) => kindInfo[i.kind].group === 'disclosure');

  useEffect(() => {
    const current = form.getValues('disclosureMethod');
    // (The method select may have registered an empty object before this runs.)
    if (hasDisclosure && !current?.method) form.setValue('disclosureMethod', { method: 'paper', format: '' });
    if (!hasDisclosure && current !== null) form.setValue('disclosureMethod', null);
  }, [hasDisclosure, form]);

  const dupKey = useDeferredValue({
    name: values.principal.name,
    kana: values.principal.kana,
    birthDate: isoOrNull(values.principal.birthDate),
    phone: values.principal.phone,
    address: values.principal.address,
    excludeId: existing?.id ?? null,
  });
  const duplicates = useQuery({
    queryKey: ['intake.duplicates', dupKey],
    queryFn: () => call('intake.duplicates', dupKey),
    enabled: dupKey.name.trim() !== '' || dupKey.kana.trim() !== '',
  });

  const draft = useIntakeDraft(form, values, !existing);
  const { ref: formRef, reveal } = useRevealRefusal();

  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (input: IntakeForm) =>
      existing ? call('intake.update', { id: existing.id, input }) : call('intake.create', input),
    onSuccess: async (r) => {
      if (!existing) await draft.clear();
      client.setQueryData(['requests.get', r.id], r);
      await client.invalidateQueries({ queryKey: ['requests.list'] });
      await client.invalidateQueries({ queryKey: ['requests.dashboard'] });
      props.onCreated(r.id);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.issues && err.issues.length > 0) {
        for (const issue of err.issues)
          form.setError(issue.path.join('.') as FieldPath<IntakeForm>, { type: 'server', message: issue.message });
        setInvalid(err.message);
        reveal();
        return;
      }
      setError(err instanceof ApiError ? err.message : '登録できませんでした。');
      reveal();
    },
  });

  const onRequesterType = (t: RequesterType) => {
    if (t === 'self') {
      form.setValue('agent', null);
      form.setValue('answerTo', 'principal');
    } else if (form.getValues('agent') === null) {
      form.setValue('agent', { ...emptyParty });
    }
  };

  return (
    <div className={styles.layout}>
      <form
        ref={formRef}
        className={styles.form}
        noValidate
        onKeyDown={enterMovesOn}
        onSubmit={(e) =>
          void form.handleSubmit(
            (v) => {
              setError(null);
              setInvalid(null);
              create.mutate(v);
            },
            () => {
              setError(null);
              setInvalid(invalidMessage);
            },
          )(e)
        }
      >
        <ErrorBar message={shownError} sticky />
        {draft.restoredAt && (
          <MessageBar intent="info" data-testid="draft-restored">
            <MessageBarBody>
              {`登録されていなかった入力内容（${slashDateTime(draft.restoredAt)} 時点）を復元しました。`}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={draft.discard}>破棄して最初から入力</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {savedLine(draft.savedAt)}
        <Card className={styles.card}>
          <Subtitle1 as="h2" block>
            1. 受付
          </Subtitle1>
          {existing ? (
            <Body1 data-testid="fixed-receipt">
              受付番号 {existing.receiptNo}・{channelLabels[existing.channel]}・到達日 {slashDate(existing.arrivalDate)}
              （到達日・受付方法は修正できません）
            </Body1>
          ) : (
            <div className={styles.row}>
              <SelectField<IntakeForm, (typeof channels)[number]>
                name="channel"
                label="受付方法"
                control={c}
                options={channels}
                labels={channelLabels}
                required
                onValue={(v) => {
                  // Where FAX is only 仮受付 (a setting), a FAX request starts as one.
                  if (settings.data?.intake.faxProvisional === true) form.setValue('provisional', v === 'fax');
                }}
              />
              <DateField<IntakeForm> name="arrivalDate" label="到達日" control={c} required />
              <TextField<IntakeForm> name="trackingNo" label="追跡番号" control={c} />
              {values.channel === 'fax' && (
                <Controller
                  control={c}
                  name="provisional"
                  render={({ field }) => (
                    <Checkbox
                      label="仮受付（原本の到着待ち）"
                      checked={field.value}
                      onChange={(_e, d) => field.onChange(d.checked === true)}
                    />
                  )}
                />
              )}
            </div>
          )}
        </Card>
        <Card className={styles.card}>
          <Subtitle1 as="h2" block>
            2. 請求者
          </Subtitle1>
          <div className={styles.row}>
            <SelectField<IntakeForm, RequesterType>
              name="requesterType"
              label="請求者の種別"
              control={c}
              options={requesterTypes}
              labels={requesterTypeLabels}
              onValue={onRequesterType}
              required
            />
          </div>
          <Subtitle1 as="h3" block>
            本人
          </Subtitle1>
          <PartyFields role="principal" control={c} />
          <EarlierWarning data={duplicates.data} />
          {agent && (
            <>
              <Subtitle1 as="h3" block>
                代理人
              </Subtitle1>
              <PartyFields role="agent" control={c} />
            </>
          )}
        </Card>
        <Card className={styles.card}>
          <Subtitle1 as="h2" block>
            3. 請求の内容
          </Subtitle1>
          <KindsSection control={c} hasDisclosure={hasDisclosure} agent={agent} />
        </Card>
        <Card className={styles.card}>
          <Subtitle1 as="h2" block>
            4. 本人確認・代理人確認
          </Subtitle1>
          {matchFields && <RegisteredMatchFields control={c} fields={matchFields} />}
          <IdentitySection
            control={c}
            setValue={form.setValue}
            agent={agent}
            lawyerNo={
              values.requesterType === 'lawyer'
                ? 'lawyer'
                : values.requesterType === 'adultGuardian' || values.requesterType === 'minorGuardian'
                  ? 'guardian'
                  : null
            }
          />
        </Card>
        <Card className={styles.card}>
          <Subtitle1 as="h2" block>
            5. 手数料
          </Subtitle1>
          <FeeSection control={c} />
        </Card>
        <Card className={styles.card}>
          <TextField<IntakeForm> name="notes" label="備考" control={c} />
          <div className={styles.actions}>
            {props.onCancel && <Button onClick={props.onCancel}>修正をやめる</Button>}
            <Button type="submit" appearance="primary" disabled={create.isPending}>
              {existing ? '修正を保存する' : '受付を登録する'}
            </Button>
          </div>
        </Card>
      </form>
      <Card className={styles.side}>
        <CheckPanel identity={live.identity} fee={live.fee} />
      </Card>
    </div>
  );
}
