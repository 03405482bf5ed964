import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from './api';

// Puts the issues of a BAD_INPUT/CONFLICT answer next to their fields; returns the message to
// show above the form (or null when every issue found its field).
export function applyServerErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  prefix: string[] = [],
  // Server field names that the form calls differently.
  rename: Record<string, Path<T>> = {},
): string | null {
  if (!(err instanceof ApiError) || !err.issues?.length) return errorMessage(err);
  let unplaced = false;
  for (const issue of err.issues) {
    const path = issue.path.map(String);
    const local = path.slice(0, prefix.length).join('.') === prefix.join('.') ? path.slice(prefix.length) : path;
    const joined = local.join('.');
    const name = rename[joined] ?? (joined as Path<T>);
    if (fields.includes(name)) setError(name, { type: 'server', message: issue.message });
    else unplaced = true;
  }
  return unplaced ? err.message : null;
}
