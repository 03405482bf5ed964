import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password';

describe('password rules', () => {
  it('accepts 12 characters and long passphrases, Japanese included', () => {
    expect(passwordProblems('correct horse')).toEqual([]);
    expect(passwordProblems('あいうえおかきくけこさし')).toEqual([]);
    expect(passwordProblems('x'.repeat(100) + 'y'.repeat(100))).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblems('abcdefghij1')).toEqual(['パスワードは12文字以上にしてください。']);
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblems('ab'.repeat(129))[0]).toMatch(/256文字以内/);
  });

  it('refuses a common password regardless of case, and one repeated character', () => {
    expect(passwordProblems('Password1234')[0]).toMatch(/よく使われている/);
    expect(passwordProblems('QWERTY123456')[0]).toMatch(/よく使われている/);
    expect(passwordProblems('ああああああああああああ')[0]).toMatch(/よく使われている/);
  });
});
