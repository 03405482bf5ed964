import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../core/contract';
import { call, failure, intakeInput, makeServices, setupVault, tempDataDir } from '../testing/support';

// The company's identity procedure as settings, through the services as the UI calls them: bad
// settings are refused in Japanese and change nothing; good ones change how requests are judged.

const NOW = new Date('2026-11-22T01:00:00Z');
const base = { receiptPattern: '{YYYY}-{NNNN}', issueWindowMonths: 3, lawyerNeedsSealCertificate: false };

async function ready() {
  const s = makeServices(tempDataDir(), { clock: () => NOW });
  await setupVault(s);
  return s;
}

describe('identity rules in the intake settings', () => {
  it('refuses bad rules with a Japanese message and keeps the settings as they were', async () => {
    const s = await ready();
    for (const rules of [
      { acceptedChannels: [] },
      { acceptedChannels: ['pigeon'] },
      { acceptedDocuments: ['sealCertificate'] },
      { acceptedDocuments: ['bogus'] },
      { poaWindowMonths: 0 },
      { poaWindowMonths: 1200 },
      { registeredMatch: { channels: ['post'], fields: ['name', 'email'] } },
      { registeredMatch: { channels: ['email'], fields: ['name'] } },
      { identityRule: 'none' },
    ]) {
      const refused = await failure(call(s, 'settings.updateIntake', { ...base, rules } as never));
      expect(refused.code, JSON.stringify(rules)).toBe(ErrorCode.BAD_INPUT);
      expect(refused.issues?.[0]?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect((await call(s, 'settings.get', {})).intake.rules).toBeUndefined();
    await s.close();
  });

  it('verifies a 本人 e-mail request by matching the registered details, and stores the result', async () => {
    const s = await ready();
    await call(s, 'settings.updateIntake', {
      ...base,
      rules: {
        acceptedChannels: ['post', 'registeredPost', 'email'],
        registeredMatch: { channels: ['email'], fields: ['name', 'email', 'birthDate'] },
      },
    });
    const input = intakeInput();
    const byMail = {
      ...input,
      channel: 'email' as const,
      identity: {
        ...input.identity,
        documents: [],
        nameAddressMatch: { principal: null, agent: null },
        registeredMatch: { name: true, email: true, birthDate: true },
      },
    };
    const r = await call(s, 'intake.create', byMail);
    expect(r.identity.result).toEqual({ status: 'verified', defects: [], todos: [] });
    const read = await call(s, 'requests.get', { id: r.id });
    expect(read.identity.registeredMatch).toEqual({ name: true, email: true, birthDate: true });
    // A web form request is not accepted here: recorded, with the answer that names the channels.
    const web = await call(s, 'intake.create', { ...byMail, channel: 'web' });
    expect(web.identity.result.defects.map((d) => d.code)).toContain('channelNotAccepted');
    expect(web.identity.result.defects[0]?.message).toBe(
      '当社ではWebフォームによるご請求はお受けしておりません。恐れ入りますが、郵送、簡易書留、メールによりご請求くださいますようお願いいたします。',
    );
    // A detail that does not match asks for an ID.
    const wrong = await call(s, 'intake.create', {
      ...byMail,
      identity: { ...byMail.identity, registeredMatch: { name: true, email: false, birthDate: true } },
    });
    expect(wrong.identity.result.defects.map((d) => d.code)).toEqual(['registeredMismatch']);
    await s.close();
  });
});
