import type { IsoDate } from '../dates';
import { passwordReading } from '../disclosure/password';
import type { Organisation } from '../organisation';
import { contactOf, formatLetterDate, senderOf, type DateStyle, type Letter } from './catalogue';

// 「パスワードのお知らせ」 (issue 17 §4): the password of an 電磁的記録 package, sent apart from the
// package (another post, or given by phone). It names the decision letter and the file it opens,
// how to open it and how to check it, and is made once: the password is never stored, so a lost
// notice means a new package with a new password.

export const PASSWORD_NOTICE_TITLE = 'パスワードのお知らせ';

export type PasswordNotice = {
  addressee: Letter['addressee'];
  // The decision letters the package carries: 文書番号 and date.
  decisions: { documentNo: string; date: IsoDate }[];
  fileName: string;
  sha256: string;
  password: string;
  // How the package went (「CD-Rに記録して郵送」).
  route: string;
};

export function buildPasswordNotice(
  n: PasswordNotice,
  org: Organisation,
  opts: { date: IsoDate; dateStyle: DateStyle },
): Letter {
  const d = (x: IsoDate) => formatLetterDate(x, opts.dateStyle);
  const letters = n.decisions.map((x) => `${d(x.date)}付け${x.documentNo}`).join('及び');
  return {
    kind: 'passwordNotice',
    documentNo: `${n.decisions[0]?.documentNo ?? ''}（別送）`,
    date: d(opts.date),
    reissue: null,
    addressee: n.addressee,
    sender: senderOf(org),
    title: PASSWORD_NOTICE_TITLE,
    body: [
      `${letters}の通知書とともにお送りした電磁的記録（${n.route}、暗号化したZIP形式のファイル）を開くためのパスワードを、下記のとおりお知らせいたします。本書は、安全のためファイルとは別にお送りしております。`,
      'パスワードは第三者に知られないようお取り扱いくださいますようお願い申し上げます。',
    ],
    items: [
      { label: '対象のファイル', text: n.fileName },
      { label: 'パスワード', text: n.password },
      { label: '読み方', text: `${passwordReading(n.password)}（英字はすべて小文字です）` },
      {
        label: '開き方',
        text: '7-Zip など AES-256 暗号化に対応した展開ソフトで開き、パスワードを入力してください。各ファイルの SHA-256 ハッシュ値は、ファイル内の「manifest.json」に記載しております。',
      },
      { label: 'ハッシュ値', text: `${n.sha256}（ZIPファイル全体のSHA-256）` },
    ],
    contact: contactOf(org),
    annexes: [],
  };
}
