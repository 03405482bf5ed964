import { Button, Card, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RequestDetail } from '../../../../core/contract';
import { slashDate } from '../../../../core/domain/dates';
import { requestedMethodLabels } from '../../../../core/domain/electronic';
import { documentInfo } from '../../../../core/domain/intake/documents';
import { feeMeansLabels } from '../../../../core/domain/intake/fees';
import { guardianshipLabels } from '../../../../core/domain/intake/identity-types';
import { kindInfo, requesterTypeLabels } from '../../../../core/domain/intake/kinds';
import { suspensionGroundLabels, type Party } from '../../../../core/domain/intake/request';
import { canRecord } from '../../../../core/domain/workflow';
import { cardStyle } from '../../components/styles';
import { mask, usePrivacy } from './privacy';

// The parts of the intake form a 修正 button opens the form at (IntakeSection in Shell.tsx finds them).
export type IntakePart = 'requester' | 'items' | 'identity' | 'fee' | 'notes';

const useStyles = makeStyles({
  card: cardStyle,
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  heading: { margin: 0 },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  sub: { marginTop: tokens.spacingVerticalS },
});

type Row = [term: string, value: ReactNode];
const hiddenNote = 'プライバシーモードのため表示していません';

// Term–value rows; a row without a value is left out.
function Rows(props: { rows: Row[]; label?: string }) {
  const styles = useStyles();
  const rows = props.rows.filter(([, v]) => v !== '' && v !== null && v !== undefined);
  return (
    <dl className={styles.list} aria-label={props.label}>
      {rows.map(([t, v]) => (
        <div key={t} className={styles.pair}>
          <dt className={styles.term}>{t}</dt>
          <dd className={styles.value}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Group(props: { title: string; part: IntakePart; onEdit?: (part: IntakePart) => void; children: ReactNode }) {
  const styles = useStyles();
  const onEdit = props.onEdit;
  return (
    <section
      id={`contents-${props.part}`}
      className={styles.group}
      aria-label={props.title}
      data-testid={`contents-${props.part}`}
    >
      <div className={styles.head}>
        <Subtitle2 as="h3" className={styles.heading}>
          {props.title}
        </Subtitle2>
        {onEdit && (
          <Button size="small" aria-label={`${props.title}を修正`} onClick={() => onEdit(props.part)}>
            修正
          </Button>
        )}
      </div>
      {props.children}
    </section>
  );
}

// A person's details; in privacy mode the name is masked and the rest (kana, address, contact)
// not shown, as on the rest of the page.
function partyRows(p: Party, privacy: boolean, agent: boolean): Row[] {
  const relation: Row = ['本人との関係', agent ? p.relationship : ''];
  if (privacy) return [['氏名', mask(p.name)], relation, ['住所・連絡先', hiddenNote]];
  const formerName = p.formerName === '' ? '' : `旧姓 ${p.formerName}`;
  return [
    ['氏名', `${p.name}（${p.kana}）`],
    relation,
    ['生年月日', p.birthDate ? slashDate(p.birthDate) : ''],
    ['住所', `${p.postalCode === '' ? '' : `〒${p.postalCode} `}${p.address}`],
    ['旧姓・旧住所', [formerName, p.formerAddress].filter(Boolean).join('／')],
    ['電話番号', p.phone],
    ['メール', p.email],
    ['顧客番号など', p.customerNo],
    ['回答書用の表記', [p.letterName, p.letterAddress].filter(Boolean).join('／')],
  ];
}

function Requester(props: { request: RequestDetail; privacy: boolean }) {
  const styles = useStyles();
  const r = props.request;
  return (
    <>
      <Rows rows={[['請求者の種別', requesterTypeLabels[r.requesterType]]]} />
      <div className={styles.sub}>
        <Subtitle2 as="h4" className={styles.heading}>
          本人
        </Subtitle2>
        <Rows label="本人" rows={partyRows(r.principal, props.privacy, false)} />
      </div>
      {r.agent && (
        <div className={styles.sub}>
          <Subtitle2 as="h4" className={styles.heading}>
            代理人
          </Subtitle2>
          <Rows label="代理人" rows={partyRows(r.agent, props.privacy, true)} />
        </div>
      )}
    </>
  );
}

// Each kind asked for, with what it asks; free text that may carry the person's data (the
// current and the correct content, the reason) is not shown in privacy mode.
function Items(props: { request: RequestDetail; privacy: boolean }) {
  const styles = useStyles();
  const r = props.request;
  const shown = (text: string) => (text === '' ? '' : props.privacy ? hiddenNote : text);
  const replyTo = r.answerTo === 'agent' ? '代理人' : '本人';
  const replyAddress =
    r.replyAddress === '' ? '' : `${r.replyPostalCode === '' ? '' : `〒${r.replyPostalCode} `}${r.replyAddress}`;
  return (
    <>
      {r.items.map((item) => (
        <div key={item.kind} className={styles.sub} data-testid="contents-item">
          <Subtitle2 as="h4" className={styles.heading}>
            {kindInfo[item.kind].label}（法{kindInfo[item.kind].article}）
          </Subtitle2>
          <Rows
            label={kindInfo[item.kind].label}
            rows={[
              ['対象となる項目', item.dataItems === '' ? '記載なし' : item.dataItems],
              ['対象期間', item.period],
              ['現在の内容', shown(item.currentContent)],
              ['訂正後の内容', shown(item.correctContent)],
              ['請求の理由', item.grounds.map((g) => suspensionGroundLabels[g]).join('、')],
              ['理由（自由記述）', shown(item.groundText)],
            ]}
          />
        </div>
      ))}
      <div className={styles.sub}>
        <Rows
          label="回答の方法"
          rows={[
            [
              '開示の方法',
              r.disclosureMethod
                ? `${requestedMethodLabels[r.disclosureMethod.method]}${r.disclosureMethod.format === '' ? '' : `（${r.disclosureMethod.format}）`}`
                : '',
            ],
            ['回答の送付先', `${replyTo}・${r.delivery === 'restricted' ? '本人限定受取郵便' : '簡易書留'}`],
            ['送付先住所', replyAddress === '' ? '' : props.privacy ? hiddenNote : replyAddress],
          ]}
        />
      </div>
    </>
  );
}

const matchLabel = (v: boolean | null) => (v === null ? '未確認' : v ? '一致' : '不一致');

function documentLine(d: RequestDetail['identity']['documents'][number]): string {
  const parts = [d.holder === 'agent' ? '代理人' : '本人', d.original ? '原本' : '写し'];
  if (d.expiresOn) parts.push(`有効期限 ${slashDate(d.expiresOn)}`);
  if (d.issuedOn) parts.push(`${d.type === 'powerOfAttorney' ? '作成日' : '発行日'} ${slashDate(d.issuedOn)}`);
  if (d.receivedOn) parts.push(`到着日 ${slashDate(d.receivedOn)}`);
  if (d.guardianship) parts.push(guardianshipLabels[d.guardianship]);
  const poa = d.powerOfAttorney;
  if (poa) {
    parts.push(`委任事項 ${poa.kinds.map((k) => kindInfo[k].label).join('・') || 'なし'}`);
    parts.push(poa.canReceive ? '受領権限あり' : '受領権限なし');
    if (poa.registeredSeal) parts.push('実印');
  }
  if (d.destroyedOn) parts.push(`個人番号を廃棄・マスキング ${slashDate(d.destroyedOn)}`);
  return parts.join('・');
}

function Documents(props: { request: RequestDetail }) {
  const r = props.request;
  const id = r.identity;
  const rows: Row[] = id.documents.map((d, i) => [`${i + 1}. ${documentInfo[d.type].label}`, documentLine(d)]);
  if (rows.length === 0) rows.push(['確認書類', 'まだ記録されていません']);
  rows.push(['氏名・住所の一致', `本人: ${matchLabel(id.nameAddressMatch.principal)}`]);
  if (r.agent) rows.push(['代理人の一致', matchLabel(id.nameAddressMatch.agent)]);
  rows.push(['弁護士登録番号', id.lawyerRegistrationNo]);
  return <Rows label="確認書類" rows={rows} />;
}

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

function Fee(props: { request: RequestDetail }) {
  const r = props.request;
  const rows: Row[] = r.payments.map((p, i) => [
    `${i + 1}. ${feeMeansLabels[p.means]}`,
    [
      yen(p.amount),
      `受領日 ${slashDate(p.receivedOn)}`,
      p.issuedOn ? `発行日 ${slashDate(p.issuedOn)}` : '',
      p.forKind ? `${kindInfo[p.forKind].label}の分` : '',
    ]
      .filter(Boolean)
      .join('・'),
  ]);
  if (rows.length === 0) rows.push(['受領したもの', 'なし']);
  rows.push(['必要額', r.fee.due === 0 ? 'なし' : yen(r.fee.due)]);
  return <Rows label="受領した手数料" rows={rows} />;
}

// What was asked, read-only: the requester, each kind and its scope, the documents and the money
// received. 修正 beside a group opens the intake form at that part, while intake data may change.
export function RequestContents(props: { request: RequestDetail; onEdit?: (part: IntakePart) => void }) {
  const styles = useStyles();
  const privacy = usePrivacy();
  const r = props.request;
  const onEdit = canRecord('intake', r.status) ? props.onEdit : undefined;
  return (
    <Card className={styles.card} data-testid="request-contents">
      <Subtitle1 as="h2" block className={styles.heading}>
        受付内容
      </Subtitle1>
      <div className={styles.groups}>
        <Group title="請求者" part="requester" onEdit={onEdit}>
          <Requester request={r} privacy={privacy} />
        </Group>
        <Group title="請求の内容" part="items" onEdit={onEdit}>
          <Items request={r} privacy={privacy} />
        </Group>
        <Group title="本人確認・代理人確認の書類" part="identity" onEdit={onEdit}>
          <Documents request={r} />
        </Group>
        <Group title="手数料" part="fee" onEdit={onEdit}>
          <Fee request={r} />
        </Group>
        {r.notes !== '' && (
          <Group title="備考" part="notes" onEdit={onEdit}>
            <Rows rows={[['備考', privacy ? hiddenNote : r.notes]]} />
          </Group>
        )}
      </div>
    </Card>
  );
}
