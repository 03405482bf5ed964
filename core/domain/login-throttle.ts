// After FREE_ATTEMPTS wrong passwords in a row, each further failure makes the account (or the
// typed login name, whether or not it exists) wait: 30 s, then doubling, at most 15 minutes.
export const FREE_ATTEMPTS = 5;
const BASE_SECONDS = 30;
const MAX_SECONDS = 15 * 60;

export function throttleSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}
