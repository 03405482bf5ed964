import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from './channels';
import { contract, events } from './contract';

describe('contract', () => {
  it('declares exactly the listed channels and events', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });

  it('names every channel domain.verb', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });
});
