import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequesterType } from '../../../core/domain/intake/kinds';
import { buildLetter, letterKinds, type LetterCase, type LetterKind } from '../../../core/domain/letters/catalogue';
import { Organisation } from '../../../core/domain/organisation';
import { organisation, RESOURCES_DIR } from '../testing/support';
import { caseFor } from './fixtures/letter-cases';
import { LetterFonts, renderLetter } from './letter';
import { PadesSigner, readPkcs12 } from './sign';
import { makeChainP12 } from './test-certificate';

// Every letter kind × requester type × layout, signed with a six-certificate organisation chain,
// with the characters that broke letters before: 利 (U+5229) and 用 (U+7528) have '(' and '('
// as low bytes, 髙 and 﨑 are outside JIS X 0208, and full-width brackets. Each PDF is checked
// by tools that are not ours: qpdf for structure, pdfsig for the signature, qpdf's JSON for the
// signature dictionary's /Reason.

const fonts = LetterFonts.inResources(RESOURCES_DIR);
const org = Organisation.parse({
  ...organisation,
  officerName: '利根 用子',
  address: '東京都世田谷区用賀1-2-3 利用ビル（本館）',
});

const requesters: readonly RequesterType[] = ['self', 'appointed', 'lawyer', 'parent'];

function caseAs(kind: LetterKind, requester: RequesterType): LetterCase {
  const c = caseFor(kind);
  const principal = '髙﨑 德太郎';
  const agents: Record<RequesterType, string> = {
    self: principal,
    appointed: '利光 用一（髙﨑様の知人）',
    lawyer: '弁護士法人利用者の権利を守る法律事務所（札幌事務所） 弁護士 﨑山 利用',
    parent: '髙﨑 恵子',
    minorGuardian: '髙﨑 恵子',
    adultGuardian: '髙﨑 恵子',
  };
  return {
    ...c,
    requesterType: requester,
    answerToAgent: requester !== 'self',
    principalName: principal,
    addressee: {
      postalCode: '060-0001',
      address: '北海道札幌市中央区北1条西2丁目3番地 札幌用賀髙﨑ビルディング（本館）8階 801号室',
      name: agents[requester],
    },
  };
}

describe('every letter, signed, in every form', () => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-matrix-'));
  const signer = new PadesSigner(readPkcs12(makeChainP12(dir, 'chain pass'), 'chain pass'));

  it.each(letterKinds)(
    '%s: valid structure, valid whole-document signature, /Reason = title, for each requester and layout',
    async (kind) => {
      for (const requester of requesters) {
        for (const windowEnvelope of [false, true]) {
          const c = caseAs(kind, requester);
          const letter = buildLetter(kind, c, org, {
            documentNo: '個保第100号',
            date: '2026-11-24',
            dateStyle: 'wareki',
          });
          const rendered = await renderLetter(letter, fonts, {
            windowEnvelope,
            seal: null,
            signature: {
              signer,
              at: new Date('2026-11-24T01:00:00Z'),
              name: `${org.companyName} ${org.officerTitle} ${org.officerName}`,
              reason: letter.title,
              location: org.address,
              contactInfo: org.contactPhone,
            },
          });
          const file = join(dir, `${kind}-${requester}-${String(windowEnvelope)}.pdf`);
          writeFileSync(file, rendered.bytes);
          const where = `${kind} / ${requester} / ${windowEnvelope ? 'window' : 'plain'}`;

          const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
          expect(check.status, `${where}: ${check.stdout}${check.stderr}`).toBe(0);
          expect(check.stderr, where).toBe('');
          expect(check.stdout, where).toMatch(/No syntax or stream encoding errors found/);
          expect(check.stdout, where).not.toMatch(/WARNING/i);

          const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
          expect(sig, where).toContain('Signature is Valid.');
          expect(sig, where).toContain('Total document signed');

          const json = JSON.parse(
            execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 }),
          ) as {
            qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
          };
          const sigDict = Object.values(json.qpdf[1]).find((o) => o.value?.['/Type'] === '/Sig')?.value;
          expect(sigDict?.['/Reason'], where).toBe(`u:${letter.title}`);
          expect(sigDict?.['/Location'], where).toBe(`u:${org.address}`);
          expect(sigDict?.['/Name'], where).toBe(`u:${org.companyName} ${org.officerTitle} ${org.officerName}`);

          // An agent's letter names the 本人 and the agent's capacity; no letter says 「あなた」.
          const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
          expect(text, where).not.toContain('あなた');
          if (requester !== 'self') expect(text, where).toMatch(/（髙﨑德太郎様の(法定)?代理人）/);
          expect(text, where).toContain('様');
        }
      }
    },
    120_000,
  );
});
