// A postal code as people write it (〒100-0001, １００－０００１, 1000001) reduced to its 7
// digits, or null when it is not one.
export function postalCodeDigits(input: string): string | null {
  const digits = input
    .normalize('NFKC')
    .replace(/^〒/, '')
    .replace(/[\s\-‐−ー－]/g, '');
  return /^\d{7}$/.test(digits) ? digits : null;
}

// The address a postal code lookup suggests, written as on an envelope (no spaces).
export function addressOf(a: { prefecture: string; city: string; town: string }): string {
  return `${a.prefecture}${a.city}${a.town}`;
}
