import { describe, expect, it } from 'vitest';
import { letterSpellingIssues, quoted, spellingTexts } from './letter-spelling';

// Stands in for the fonts: 伟 and 𠀋 are what they lack.
const missing = (text: string) => Array.from(text).filter((c) => c === '伟' || c === '𠀋');
const party = (over: Record<string, string>) => ({
  name: '王 偉',
  address: '東京都港区芝1-1',
  letterName: '',
  letterAddress: '',
  ...over,
});

describe('the spelling for letters', () => {
  it('is not asked for when the fonts print the name and the address', () => {
    expect(letterSpellingIssues({ principal: party({}), agent: null }, missing)).toEqual([]);
  });

  it('is required beside each field whose real text the fonts lack, for the 本人 and the 代理人', () => {
    const issues = letterSpellingIssues(
      { principal: party({ address: '東京都𠀋区1-1' }), agent: party({ name: '王 伟' }) },
      missing,
    );
    expect(issues).toEqual([
      {
        path: ['principal', 'letterAddress'],
        message: '本人の住所に回答書の書体にない文字があるため、回答書用の住所を入力してください。',
      },
      {
        path: ['agent', 'letterName'],
        message: '代理人の氏名に回答書の書体にない文字があるため、回答書用の氏名を入力してください。',
      },
    ]);
  });

  it('is taken when given, and refused when it lacks a character too (with its code point)', () => {
    expect(
      letterSpellingIssues({ principal: party({ address: '東京都𠀋区', letterAddress: '東京都丈区' }) }, missing),
    ).toEqual([]);
    expect(letterSpellingIssues({ principal: party({ name: '王 伟', letterName: ' 伟 ' }) }, missing)).toEqual([
      {
        path: ['principal', 'letterName'],
        message: '回答書用の氏名にも回答書の書体にない文字「伟」（U+4F1F）があります。別の表記を入力してください。',
      },
    ]);
  });

  it('checks each name, address and spelling once', () => {
    expect(spellingTexts({ principal: party({ letterName: '王 偉' }), agent: null })).toEqual([
      '王 偉',
      '東京都港区芝1-1',
    ]);
    expect(quoted(['𠀋', 'A'])).toBe('「𠀋」（U+2000B）「A」（U+0041）');
  });
});
