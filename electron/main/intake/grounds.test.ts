import { describe, expect, it } from 'vitest';
import { emptyItem, IntakeInput } from '../../../core/domain/intake/request';
import { intakeInput } from '../testing/support';

describe('intake: grounds that do not fit the kind', () => {
  it('refuses a 27条 breach given for 消去 and an 18条 breach for 第三者提供の停止, next to the field', () => {
    const input = intakeInput({
      items: [
        { ...emptyItem('erasure'), dataItems: '会員情報', grounds: ['thirdPartyViolation'] },
        { ...emptyItem('stopThirdParty'), dataItems: '会員情報', grounds: ['purposeViolation', 'leak'] },
      ],
    });
    const parsed = IntakeInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.filter((i) => i.path.at(-1) === 'grounds') ?? [];
    expect(issues.map((i) => i.path)).toEqual([
      ['items', 0, 'grounds'],
      ['items', 1, 'grounds'],
    ]);
    expect(issues[0]?.message).toBe(
      '「本人の同意のない第三者提供（第27条第1項・第28条違反）」は「消去」の請求の理由にはなりません。',
    );
    // The fitting grounds pass.
    const fine = intakeInput({
      items: [
        { ...emptyItem('erasure'), dataItems: '会員情報', grounds: ['purposeViolation'] },
        { ...emptyItem('stopThirdParty'), dataItems: '会員情報', grounds: ['thirdPartyViolation', 'leak'] },
      ],
    });
    expect(IntakeInput.safeParse(fine).success).toBe(true);
  });
});
