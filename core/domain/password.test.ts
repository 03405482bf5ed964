import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';

describe('password rules', () => {
  it('accepts 12 characters and long passphrases, Japanese included', () => {
    expect(passwordProblems('correct horse battery')).toEqual([]);
    expect(passwordProblems('春の小川は窓の外を流れる')).toEqual([]);
    expect(passwordProblems('kZ7#pQ2!vL9w')).toEqual([]);
    expect(passwordProblems('窓の外の川は春になると雪解けの水で溢れ、古い橋の下を'.repeat(9))).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('abcdefghij1')).toEqual(['パスワードは12文字以上にしてください。']);
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblems('ab'.repeat(129))[0]).toMatch(/256文字以内/);
  });

  it('refuses what a strength estimator finds guessable, however long', () => {
    for (const weak of [
      'correct horse battery staple',
      'Correct-Horse-Battery-Staple',
      'correcthorsebatterystaple1',
      '1234567890ab',
      'correct horse',
      'Password1234',
      'QWERTY123456',
      'ああああああああああああ',
      'あいうえおかきくけこさし',
      'x'.repeat(100) + 'y'.repeat(100),
      'madoguchi2026!',
    ]) {
      const problems = passwordProblems(weak);
      expect(problems, weak).toHaveLength(1);
      expect(problems[0], weak).toMatch(/推測されやすいため使用できません/);
    }
    expect(passwordProblems('Password1234')[0]).toMatch(/よく使われているパスワードに似た語が含まれている/);
    expect(passwordProblems('QWERTY123456')[0]).toMatch(/キーボードの並び|よく使われている/);
  });

  it('refuses a password built on the login or display name it is given', () => {
    expect(passwordProblems('hanakoyamada1985', [])).toEqual([]);
    expect(passwordProblems('hanakoyamada1985', ['yamada', 'hanako'])[0]).toMatch(/推測されやすい/);
  });
});
