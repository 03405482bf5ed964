import type { MadoguchiApi } from '../../../core/contract';

declare global {
  // Declaration merging with the DOM's Window needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    madoguchi: MadoguchiApi;
  }
}
