import { sampleOrganisation } from '../../../core/domain/letters/sample';

// The sample company of tests, benchmarks and the harness: the letters' sample sender, with
// contact hours and an e-mail address.
export const organisation = {
  ...sampleOrganisation,
  contactHours: '平日 9:00〜17:00',
  contactEmail: 'privacy@example.co.jp',
};
