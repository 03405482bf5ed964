// `npm run demo [-- --data-dir DIR] [--no-open]`: builds a separate demo vault with about 200
// fictional requests over the last 12 months, in every step and kind, prints how to log in, and
// serves it through the test harness for a browser (with Electron installed, the same folder
// opens in the app with MADOGUCHI_DATA_DIR=DIR npm start). It never touches the real data folder.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../core/contract';
import { addDays, japanToday } from '../core/domain/dates';
import { kindInfo } from '../core/domain/intake/kinds';
import { decisionLetterKinds } from '../core/domain/letters/catalogue';
import { Organisation } from '../core/domain/organisation';
import { createDispatcher } from '../electron/main/ipc/dispatcher';
import { createMemoryLogger } from '../electron/main/log';
import { APP_DIR_NAME } from '../electron/main/paths';
import { createServices, type Services } from '../electron/main/composition';
import { startHarness } from '../e2e/harness/server';
import { baseOffset, COUNT, makeStories, planRequest, storyDay, type Story } from './demo-data';

const MARKER = '.madoguchi-demo';

function realDataFolders(): string[] {
  const home = homedir();
  return [
    process.env['LOCALAPPDATA'] ? win32.join(process.env['LOCALAPPDATA'], APP_DIR_NAME) : '',
    join(home, '.config', APP_DIR_NAME),
    join(home, 'Library', 'Application Support', APP_DIR_NAME),
    process.env['MADOGUCHI_DATA_DIR'] ?? '',
  ]
    .filter(Boolean)
    .map((p) => resolve(p));
}

function prepareFolder(dir: string): void {
  if (realDataFolders().includes(resolve(dir))) {
    throw new Error(`${dir} は実際のデータフォルダーです。デモ用には別のフォルダーを指定してください。`);
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) {
      throw new Error(`${dir} は空ではなく、デモ用フォルダーでもありません。別のフォルダーを指定してください。`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Madoguchi demo vault: fictional data only. Safe to delete.\n');
}

function password(): string {
  const words = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  return `demo-${words.slice(0, 4)}-${words.slice(4, 8)}-${words.slice(8, 12)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'no-open': { type: 'boolean' } } });
  const dataDir = resolve(values['data-dir'] ?? join(tmpdir(), 'madoguchi-demo'));
  prepareFolder(dataDir);
  const today = japanToday(new Date());
  let now = new Date();
  // The services read this clock: each step is recorded on the day it happened in the story.
  const at = (day: string) => {
    const target = new Date(`${day}T01:30:00Z`);
    now = target > new Date() ? new Date() : target;
  };
  const services: Services = createServices({
    runtime: { appName: 'Madoguchi', version: 'demo', runtime: 'harness', platform: process.platform, dataDir },
    logger: createMemoryLogger(),
    resourcesDir: join(__dirname, '..', 'resources'),
    clock: () => now,
  });
  const dispatch = createDispatcher({
    handlers: services.handlers,
    logger: createMemoryLogger(),
    validateOutput: false,
    context: services.context,
  });
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await dispatch(channel, input, true);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };

  const accounts = {
    admin: { loginName: 'demo', displayName: 'デモ 管理者', password: password() },
    staff: { loginName: 'tanto', displayName: '窓口 担当子', password: password() },
    approver: { loginName: 'shonin', displayName: '決裁 承認郎', password: password() },
  };
  process.stdout.write('デモ用の保管庫を作成しています（1〜2分かかります）…\n');
  at(addDays(today, -370));
  await services.vault.setup({
    organisation: Organisation.parse({
      companyName: '株式会社デモ商事',
      postalCode: '1000005',
      address: '東京都千代田区丸の内1-1-1',
      phone: '03-0000-0000',
      representative: '代表取締役 見本一郎',
      officerTitle: '個人情報保護管理者',
      officerName: '窓口 太郎',
      contactName: 'お客様相談室',
      contactPhone: '0120-000-000',
      contactHours: '平日 9:00〜17:00',
      contactEmail: 'privacy@example.jp',
    }),
    admin: accounts.admin,
  });
  for (const a of [accounts.staff, accounts.approver]) {
    await call('accounts.create', {
      loginName: a.loginName,
      displayName: a.displayName,
      roles: a === accounts.approver ? ['staff', 'approver'] : ['staff'],
      temporaryPassword: `${a.password}-tmp`,
    });
  }
  const loginAs = async (a: (typeof accounts)[keyof typeof accounts], first = false) => {
    await services.vault.lock('logout');
    await call('session.login', { loginName: a.loginName, password: first ? `${a.password}-tmp` : a.password });
    if (first) await call('session.changePassword', { currentPassword: `${a.password}-tmp`, newPassword: a.password });
  };

  const stories = makeStories(today);

  const order = [
    'received',
    'checking',
    'investigating',
    'drafting',
    'awaitingApproval',
    'preparingAnswer',
    'sent',
    'completed',
  ];
  const reaches = (s: Story, step: string) =>
    order.includes(s.target) && order.indexOf(s.target) >= order.indexOf(step);
  const day = storyDay;
  const move = (s: Story, action: ChannelInput<'requests.transition'>['action'], comment = '') =>
    call('requests.transition', { id: s.id ?? '', action, comment });

  // As the desk's staff: intake, checks, 補正, investigation and drafting.
  await loginAs(accounts.staff, true);
  for (const s of stories) {
    const { r: rr, input, decisions } = planRequest(s);
    at(s.arrival);
    const created = await call('intake.create', input);
    s.id = created.id;
    if (s.target === 'received') continue;
    at(day(s, 1));
    await move(s, 'startCheck');
    if (s.target === 'withdrawn' && rr.chance(0.5)) {
      await move(s, 'withdraw', '取下書を受領しました。');
      continue;
    }
    if (s.target === 'declined') {
      await move(s, 'decline', '所定の請求書によらない請求であり、補正の求めにも応じていただけなかったため。');
      continue;
    }
    if (s.cure) {
      const defects = created.identity.result.defects.map((d) => d.message);
      await call('requests.requestCure', {
        id: s.id,
        cure: {
          defects: defects.length ? defects : ['有効期限内の本人確認書類の写し'],
          dueDate: addDays(s.arrival, 15),
        },
      });
      if (s.target === 'awaitingCure') continue;
      if (s.target === 'deemedWithdrawn') {
        at(day(s, 17));
        await move(s, 'closeAsNotMade', '補正の期限までに補正がありませんでした。');
        continue;
      }
      at(day(s, 6));
      await call('requests.recordCure', { id: s.id, arrivedOn: day(s, 6) });
      const fixed = structuredClone(input);
      fixed.identity.documents = fixed.identity.documents.map((d) =>
        d.type === 'drivingLicence' ? { ...d, expiresOn: addDays(s.arrival, 900) } : d,
      );
      await call('intake.update', { id: s.id, input: fixed });
    }
    if (s.target === 'checking') continue;
    if (s.target === 'withdrawn') {
      await move(s, 'withdraw', '電話の後、取下書を受領しました。');
      continue;
    }
    const base = baseOffset(s);
    at(day(s, base + 1));
    await move(s, 'startInvestigation');
    if (s.extension) {
      await call('requests.extend', {
        id: s.id,
        date: addDays(s.arrival, 30),
        reason: '複数の部署への照会に時間を要しているため。',
      });
    }
    if (!reaches(s, 'drafting')) continue;
    at(day(s, base + 3));
    await move(s, 'startDraft');
    for (const { kind, decision } of decisions) {
      // Asked for on a medium: the data go out on a CD-R, the password by letter.
      const electronic =
        input.disclosureMethod?.method === 'media' &&
        kindInfo[kind].group === 'disclosure' &&
        (decision.outcome === 'full' || decision.outcome === 'partial')
          ? ({ format: 'pdf', route: 'cdr', linkValidDays: null, passwordRoute: 'letter' } as const)
          : null;
      await call('requests.saveDecision', { id: s.id, kind, decision: { ...decision, electronic } });
      if (decision.outcome === 'nonexistent') {
        // A 不存在 goes to approval only with the search that found nothing.
        await call('requests.addSearch', {
          id: s.id,
          search: {
            system: kind === 'thirdPartyRecords' ? '第三者提供記録簿' : '顧客管理システム',
            keys: '氏名（カナ）、生年月日、電話番号',
            on: day(s, base + 3),
            result: 'notFound',
            inLetter: true,
          },
        });
      }
    }
    if (!reaches(s, 'awaitingApproval')) continue;
    at(day(s, base + 4));
    await move(s, 'submitForApproval');
  }

  // As the approver (4-eyes): approve, or send back once with a comment.
  await loginAs(accounts.approver, true);
  const sentBack: Story[] = [];
  for (const s of stories.filter((x) => reaches(x, 'preparingAnswer'))) {
    at(day(s, (s.cure ? 6 : 1) + 5));
    if (s.sendBack) {
      await move(s, 'sendBack', '理由の記載をもう少し具体的にしてください。');
      sentBack.push(s);
    } else await move(s, 'approve');
  }
  if (sentBack.length) {
    await loginAs(accounts.staff);
    for (const s of sentBack) await move(s, 'submitForApproval');
    await loginAs(accounts.approver);
    for (const s of sentBack) await move(s, 'approve');
  }

  // As staff again: the letters go out, the ID copies are destroyed, the files close.
  await loginAs(accounts.staff);
  for (const s of stories.filter((x) => reaches(x, 'sent'))) {
    const sentOn = day(s, (s.cure ? 6 : 1) + 6);
    at(sentOn);
    // The reply goes with its finalized, numbered decision letters (dispatch refuses it without).
    const letters = await call('letters.list', { requestId: s.id ?? '' });
    for (const l of letters.available.filter((a) => a.action === 'finalize' && a.blocked === null)) {
      if (decisionLetterKinds.includes(l.kind)) await call('letters.finalize', { requestId: s.id ?? '', kind: l.kind });
    }
    await call('requests.addDispatch', {
      id: s.id ?? '',
      dispatch: {
        letter: '決定通知書',
        sentOn,
        method: 'simpleRegistered',
        trackingNo: `${1000 + s.index}-${2000 + s.index}-${3000 + s.index}`,
      },
    });
    await move(s, 'recordDispatch');
    if (!reaches(s, 'completed')) continue;
    await call('requests.recordDisposal', { id: s.id ?? '', method: 'destroyed', date: sentOn });
    await move(s, 'complete');
  }
  await services.vault.lock('logout');
  await services.close();

  process.stdout.write(
    [
      '',
      `デモ用の保管庫を作成しました（架空の請求 ${COUNT} 件）。`,
      `  フォルダー: ${dataDir}`,
      `  管理者:     ログイン名 ${accounts.admin.loginName} ／ パスワード ${accounts.admin.password}`,
      `  担当者:     ログイン名 ${accounts.staff.loginName} ／ パスワード ${accounts.staff.password}`,
      `  承認者:     ログイン名 ${accounts.approver.loginName} ／ パスワード ${accounts.approver.password}`,
      '実際のデータフォルダーには一切触れていません。',
      '',
    ].join('\n'),
  );
  if (values['no-open']) return;
  const harness = await startHarness({ dataDir, port: 0 });
  process.stdout.write(`ブラウザーで次のアドレスを開いてください（終了は Ctrl+C）:\n  ${harness.url}\n`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
