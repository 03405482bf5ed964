export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`Database schema ${found} is newer than this app supports (${supported}).`);
    this.name = 'NewerDatabaseError';
  }
}
