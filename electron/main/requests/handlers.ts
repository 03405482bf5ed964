import type { Slice } from '../ipc/handlers-type';
import type { RequestCommands } from './commands';
import type { RequestQueries } from './queries';

export function requestsHandlers(queries: RequestQueries, commands: RequestCommands) {
  return {
    'requests.get': (input) => queries.get(input.id),
    'requests.list': (input) => queries.list(input),
    'requests.dashboard': () => queries.dashboard(),
    'requests.search': (input) => queries.search(input.query, input.limit),
    'requests.transition': (input) => commands.transition(input.id, input.action, input.comment),
    'requests.requestCure': (input) => commands.requestCure(input.id, input.cure),
    'requests.recordCure': (input) => commands.recordCure(input.id, input.arrivedOn),
    'requests.saveDecision': (input) => commands.saveDecision(input.id, input.kind, input.decision),
    'requests.extend': (input) => commands.extend(input.id, input.date, input.reason),
    'requests.addDispatch': (input) => commands.addDispatch(input.id, input.dispatch),
    'requests.recordDisposal': (input) => commands.recordDisposal(input.id, input.method, input.date),
    'requests.flagSuspicion': (input) => commands.flagSuspicion(input.id, input.suspected, input.note),
    'requests.addSearch': (input) => commands.addSearch(input.id, input.search),
    'requests.removeSearch': (input) => commands.removeSearch(input.id, input.searchId, input.reason),
    'requests.recordFeeReturn': (input) => commands.recordFeeReturn(input.id, input.method, input.date, input.amount),
  } satisfies Slice<'requests'>;
}
