import type { Slice } from '../ipc/handlers-type';
import type { RequestCommands } from './commands';
import type { RequestQueries } from './queries';
import type { SamePersonLookup } from './same-person';

export function requestsHandlers(queries: RequestQueries, commands: RequestCommands, samePerson: SamePersonLookup) {
  return {
    'requests.get': async (input) => await queries.get(input.id),
    'requests.list': async (input) => await queries.list(input),
    'requests.dashboard': async () => await queries.dashboard(),
    'requests.search': async (input) => await queries.search(input.query, input.limit),
    'requests.earlier': async (input) => await samePerson.forRequest(input.id),
    'requests.transition': async (input) => await commands.transition(input.id, input.action, input.comment),
    'requests.requestCure': async (input) => await commands.requestCure(input.id, input.cure),
    'requests.recordCure': async (input) => await commands.recordCure(input.id, input.arrivedOn),
    'requests.saveDecision': async (input) => await commands.saveDecision(input.id, input.kind, input.decision),
    'requests.extend': async (input) => await commands.extend(input.id, input.date, input.reason),
    'requests.addDispatch': async (input) => await commands.addDispatch(input.id, input.dispatch),
    'requests.closeOutsideLaw': async (input) =>
      await commands.transition(input.id, 'closeOutsideLaw', input.outsideLaw.text, input.outsideLaw),
    'requests.recordDisposal': async (input) => await commands.recordDisposal(input.id, input.method, input.date),
    'requests.flagSuspicion': async (input) => await commands.flagSuspicion(input.id, input.suspected, input.note),
    'requests.addSearch': async (input) => await commands.addSearch(input.id, input.search),
    'requests.removeSearch': async (input) => await commands.removeSearch(input.id, input.searchId, input.reason),
    'requests.recordFeeReturn': async (input) =>
      await commands.recordFeeReturn(input.id, input.method, input.date, input.amount),
  } satisfies Slice<'requests'>;
}
