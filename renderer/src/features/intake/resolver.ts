import { zodResolver } from '@hookform/resolvers/zod';
import { get, set, type FieldErrors, type Resolver } from 'react-hook-form';
import { japanToday } from '../../../../core/domain/dates';
import { futureDateIssues } from '../../../../core/domain/intake/future-dates';
import { IntakeInput } from '../../../../core/domain/intake/request';
import type { IntakeForm } from './model';

const schema = zodResolver(IntakeInput);

// The shared schema, plus the dates after today in Japan that main refuses on save. Those are
// checked apart from the schema so that they show beside their field at once, even while other
// fields are still empty (the schema's cross-field rules wait until every field parses).
export const intakeResolver: Resolver<IntakeForm> = async (values, context, options) => {
  const result = await schema(values, context, options);
  const issues = futureDateIssues(values, japanToday(new Date()));
  if (issues.length === 0) return result;
  const errors: FieldErrors<IntakeForm> = { ...result.errors };
  for (const issue of issues) {
    const name = issue.path.join('.');
    if (!get(errors, name)) set(errors, name, { type: 'future', message: issue.message });
  }
  return { values: {}, errors };
};
