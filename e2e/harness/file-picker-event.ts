// TEST-ONLY. What the harness sends the page when main asks for a file (file-picker.ts in Node,
// page-picker.ts in the page); shared by both, so it imports nothing.
export const PICK_EVENT = 'harness.pickFile';
export type PickRequest = { id: string; title: string; accept: string };
