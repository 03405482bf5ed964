import { slashDate, slashDateTime } from './dates';
import { groundLabels, outcomeLabel, type GroundCode, type Outcome } from './decisions';
import { searchResultLabels, type SearchResult } from './searches';
import { disposalLabels, dispatchMethodLabels, feeReturnLabels } from './dispatch';
import { enclosureTypeLabels, type EnclosureType } from './enclosures';
import { documentInfo, type DocumentType } from './intake/documents';
import { letterLabels, type LetterKind } from './letters/catalogue';
import { feeMeansLabels, type FeeMeans } from './intake/fees';
import { channelLabels, kindInfo, type Channel, type RequestKind } from './intake/kinds';
import { outsideLawCategoryLabels, outsideLawResponseLabels } from './outside-law';
import { roleLabels, type Role } from './roles';
import { actions, stateLabels, type Action, type State } from './workflow';

// The audit log's entries read as sentences an auditor understands. Main writes a short summary
// of ids and codes (`action=complete from=sent to=completed`, never personal data); this turns it
// into Japanese for the screen and the CSV. Ids (UUIDs) and hashes are left out, and so is the
// 受付番号: the screen and the CSV show it in a column of its own beside this text.

const has = (map: object, v: string): boolean => Object.hasOwn(map, v);

// Whole summaries that are a word, not key=value pairs.
const phrases: Record<string, string> = {
  password: 'パスワードでログインしました',
  'while locked': 'ロック中に記録された操作です',
  'recovery key': '回復キーでパスワードを再設定しました',
  rewrapped: 'パスワードを変更しました（鍵を再暗号化）',
  imported: '登録しました',
  removed: '削除しました',
  temporary: '仮パスワードを発行しました',
  menu: 'メニューから印刷しました',
  manual: '手動でロックしました',
  logout: 'ログアウトしました',
  idle: '一定時間操作がなかったため自動でロックしました',
  system: 'システムの終了・スリープによりロックしました',
  organisation: '組織情報を変更しました',
  displayName: '表示名を変更しました',
  'database key rotated': 'データベースの鍵を更新しました',
};

const keyLabels: Record<string, string> = {
  action: '操作',
  from: '変更前',
  to: '変更後',
  method: '方法',
  date: '日付',
  amount: '金額',
  kinds: '請求の種類',
  kind: '請求の種類',
  channel: '受付方法',
  outcome: '決定',
  grounds: '根拠',
  arrival: '到達日',
  sent: '発送日',
  defects: '不備の数',
  due: '期限',
  type: '種類',
  mime: '形式',
  size: 'サイズ',
  receipt: '受付番号',
  closed: '終了日',
  schema: 'データベースの版',
  roles: '権限',
  disabled: '利用停止',
  ok: '検証結果',
  checked: '検証した件数',
  anchors: '照合した控え',
  failed: '一致しない控え',
  protection: '保護',
  requests: '請求の件数',
  backup: 'バックアップの作成日時',
  other_vault: '別の保管庫から',
  renamed: '名前を変えたアカウント',
  dropped: '無効にしたアカウント',
  recovery: '回復キー',
  ledger: '期間',
  masked: '氏名の伏せ字',
  format: '形式',
  rows: '行数',
  report: '報告書',
  signed: '電子署名',
  reissue: '再発行',
  suspected: 'なりすましの疑い',
  completedYears: '完了後の保存年数',
  idCopyDays: '本人確認書類の写しの保存日数',
  reminderDays: 'バックアップを促す日数',
  safetyCopyDays: '安全用コピーの保存日数',
  length: '文字数',
  idleLockMinutes: '自動ロックまでの分数',
  months: '書類の有効期間（月）',
  lawyerSeal: '弁護士の実印・印鑑登録証明書',
  per: '手数料の単位',
  sla: '社内期限（営業日）',
  cure: '補正の期限（日）',
  templates: '定型文の数',
  window: '窓付き封筒',
  amounts: '種類ごとの手数料',
  faxProvisional: 'FAXを仮受付として扱う',
  windows: '書類ごとの有効期間',
  result: '探索の結果',
  change: '操作',
  category: '法の対象外とする理由',
  response: '対応の方法',
  samePerson: '同じ方の過去の請求を表示する期間（月）',
};

// Keys whose value is an id or a hash: never shown (the entry says which request already).
const hiddenKeys = new Set(['letter', 'dispatch', 'enclosure', 'sha256', 'revoked', 'search']);

const list = (v: string, f: (x: string) => string) =>
  v === '' || v === 'none'
    ? 'なし'
    : v
        .split(',')
        .map((x) => f(x))
        .join('・');

const kindLabel = (k: string) => (has(kindInfo, k) ? kindInfo[k as RequestKind].label : k);
const stateLabel = (s: string) => (has(stateLabels, s) ? stateLabels[s as State] : s);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function value(key: string, v: string, context: { kind: string | null; letter?: boolean }): string {
  if (v === 'true') return key === 'ok' ? '正常' : 'あり';
  if (v === 'false') return key === 'ok' ? '不整合あり' : 'なし';
  if (isoDate.test(v)) return slashDate(v);
  if (isoTime.test(v)) return slashDateTime(v);
  switch (key) {
    case 'action':
      return has(actions, v) ? actions[v as Action].label : v;
    case 'from':
    case 'to':
      return stateLabel(v);
    case 'kinds':
    case 'kind':
      if (context.letter) return has(letterLabels, v) ? letterLabels[v as LetterKind] : v;
      return list(v, kindLabel);
    case 'channel':
      return has(channelLabels, v) ? channelLabels[v as Channel] : v;
    case 'outcome':
      return context.kind && has(kindInfo, context.kind) ? outcomeLabel(context.kind as RequestKind, v as Outcome) : v;
    case 'grounds':
      return list(v, (g) => (has(groundLabels, g) ? groundLabels[g as GroundCode] : g));
    case 'method':
      if (has(dispatchMethodLabels, v)) return (dispatchMethodLabels as Record<string, string>)[v] ?? v;
      if (has(disposalLabels, v)) return (disposalLabels as Record<string, string>)[v] ?? v;
      if (has(feeReturnLabels, v)) return (feeReturnLabels as Record<string, string>)[v] ?? v;
      if (has(feeMeansLabels, v)) return feeMeansLabels[v as FeeMeans];
      return v;
    case 'roles':
      return list(v, (r) => (has(roleLabels, r) ? roleLabels[r as Role] : r));
    case 'amount':
      return `${Number(v).toLocaleString('ja-JP')}円`;
    case 'size':
      return `${Math.ceil(Number(v) / 1024).toLocaleString('ja-JP')} KB`;
    case 'amounts':
      return list(v, (x) => {
        const [k = '', n = ''] = x.split(':');
        return `${kindLabel(k)} ${Number(n).toLocaleString('ja-JP')}円`;
      });
    case 'windows':
      return list(v, (x) => {
        const [t = '', n = ''] = x.split(':');
        return `${has(documentInfo, t) ? documentInfo[t as DocumentType].label : t} ${n}か月`;
      });
    case 'result':
      return has(searchResultLabels, v) ? searchResultLabels[v as SearchResult] : v;
    case 'category':
      return has(outsideLawCategoryLabels, v) ? ((outsideLawCategoryLabels as Record<string, string>)[v] ?? v) : v;
    case 'response':
      return has(outsideLawResponseLabels, v) ? ((outsideLawResponseLabels as Record<string, string>)[v] ?? v) : v;
    case 'change':
      return v === 'added' ? '追加' : v === 'removed' ? '削除' : v;
    case 'per':
      return v === 'kind' ? '請求の種類ごと' : v === 'request' ? '請求ごと' : v;
    case 'date':
      return v === 'wareki' ? '和暦' : v === 'seireki' ? '西暦' : v;
    case 'recovery':
      return v === 'new' ? '新しく発行' : v === 'kept' ? 'そのまま' : v;
    case 'format':
      return v.toUpperCase();
    case 'ledger':
      return v.replace(
        /(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})/,
        (_m, a: string, b: string) => `${slashDate(a)}〜${slashDate(b)}`,
      );
    case 'report':
      return v
        .replace(/^month:/, '月次 ')
        .replace(/^year:/, '年次 ')
        .replace(/^quarter:/, '四半期 ');
    case 'protection':
      return v === 'password' ? 'パスワード' : v === 'recoveryKey' ? '回復キー' : v;
    case 'mime':
      return v.replace(/^(application|image)\//, '').toUpperCase();
    case 'type':
      return has(enclosureTypeLabels, v) ? enclosureTypeLabels[v as EnclosureType] : v;
    default:
      return v;
  }
}

// One entry as a sentence: 「「発送済」→「完了」（完了にする）」.
export function describeAudit(e: { action: string; summary: string }): string {
  const text = e.summary.trim();
  if (text in phrases) return phrases[text] ?? text;
  const pairs = text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const i = t.indexOf('=');
      return i < 0 ? { key: t, value: null } : { key: t.slice(0, i), value: t.slice(i + 1) };
    });
  const get = (k: string) => pairs.find((p) => p.key === k)?.value ?? null;
  const kind = get('kind');
  const action = get('action');
  const from = get('from');
  const to = get('to');
  const parts: string[] = [];
  if (action !== null && from !== null && to !== null) {
    parts.push(
      from === to
        ? `${value('action', action, { kind })}（${stateLabel(from)}）`
        : `「${stateLabel(from)}」→「${stateLabel(to)}」（${value('action', action, { kind })}）`,
    );
  }
  for (const p of pairs) {
    if (action !== null && (p.key === 'action' || p.key === 'from' || p.key === 'to')) continue;
    if (hiddenKeys.has(p.key)) continue;
    if (p.value === null) {
      parts.push(phrases[p.key] ?? p.key);
      continue;
    }
    const letter = e.action.startsWith('letters.');
    const label =
      e.action === 'requests.extension' && p.key === 'to'
        ? '延長後の期限'
        : letter && p.key === 'kind'
          ? '回答書'
          : keyLabels[p.key];
    parts.push(`${label ?? p.key}: ${value(p.key, p.value, { kind, letter })}`);
  }
  return parts.length ? parts.join('、') : '—';
}
