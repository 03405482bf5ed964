import { describe, expect, it } from 'vitest';
import { throttleSeconds } from './login-throttle';

describe('login throttle', () => {
  it('lets five attempts through, then waits longer after each failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(throttleSeconds)).toEqual([0, 0, 0, 0]);
    expect(throttleSeconds(5)).toBe(30);
    expect(throttleSeconds(6)).toBe(60);
    expect(throttleSeconds(7)).toBe(120);
    expect(throttleSeconds(20)).toBe(900);
  });
});
