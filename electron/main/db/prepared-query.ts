import { createQueryId, type Compilable, type CompiledQuery, type QueryResult, type RootOperationNode } from 'kysely';
import { directRunnerOf, engineOf, type Engine, type Q } from './store';

// A query built and compiled once per engine, its values bound at each run: for the statements a
// request's registration runs dozens of times (the audit head, a setting, a request's row).
// Kysely builds and compiles a query on every run (frozen nodes, a visitor), 10–30 µs each, while
// SQLite runs such a statement in 1–5 µs (docs/DECISIONS.md, "The seam's speed").
//
// The arguments reach the query only as values (a WHERE operand, an inserted value): build is run
// once with a placeholder standing for each argument, and must not look at them otherwise (no
// branch on an argument, no list for IN). A placeholder that does not come out as a parameter is
// refused at the first run, so such a misuse fails in its first test. The SQL and the values are
// those Kysely would have produced (prepared-query.test.ts).

// A list of ids is one value too (reports.ts's idsValue: JSON text on SQLite, an array on PostgreSQL).
export type Scalar = string | number | boolean | null | Uint8Array | readonly string[];

class Slot {
  constructor(readonly index: number) {}
}

type Plan = { sql: string; parameters: readonly unknown[]; query: RootOperationNode };

// The plan of a query built with placeholders: every one of the `count` values must come out as
// a parameter.
function planOf(compiled: CompiledQuery, count: number): Plan {
  for (let i = 0; i < count; i++) {
    if (!compiled.parameters.some((p) => p instanceof Slot && p.index === i)) {
      throw new Error(`prepared query: value ${i} is not used as a value of the query.`);
    }
  }
  return { sql: compiled.sql, parameters: compiled.parameters, query: compiled.query };
}

// Inside a transaction or read on SQLite, the statement runs at once on the connection it holds
// (store.ts, DirectRunner); elsewhere through Kysely's executor, which waits for the connection.
function runPlan<R>(q: Q, p: Plan, values: readonly unknown[]): Promise<QueryResult<R>> {
  const parameters = p.parameters.map((v) => (v instanceof Slot ? values[v.index] : v));
  const direct = directRunnerOf(q);
  if (direct) {
    try {
      return Promise.resolve(direct(p.sql, parameters) as QueryResult<R>);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  return q.executeQuery<R>({ sql: p.sql, parameters, query: p.query, queryId: createQueryId() });
}

// A plugin transforms each query as it runs (the tests' recorder does): no plan for those.
const hasPlugins = (q: Q) => q.getExecutor().plugins.length > 0;

export function preparedQuery<A extends Scalar[], R>(
  build: (q: Q, ...args: A) => Compilable<R>,
): (q: Q, ...args: A) => Promise<QueryResult<R>> {
  const plans = new Map<Engine, Plan>();
  return async (q, ...args) => {
    if (hasPlugins(q)) return q.executeQuery(build(q, ...args));
    const engine = engineOf(q);
    let p = plans.get(engine);
    if (!p) {
      const slots = args.map((_, i) => new Slot(i)) as unknown as A;
      p = planOf(build(q, ...slots).compile(), args.length);
      plans.set(engine, p);
    }
    return runPlan<R>(q, p, args);
  };
}

// A query whose form depends on the call (which filters of a list are set): `shape` is plain data
// naming the form (its JSON is the plan's key), and `values` its values in the order build asks
// for them with `slot(i)`. Each form is built and compiled once per engine.
// A value's place in the query: typed `never` so that it fits any operand (it is a placeholder).
export type ValueSlot = (i: number) => never;
export function preparedShapes<S, R>(
  build: (q: Q, shape: S, slot: ValueSlot) => Compilable<R>,
): (q: Q, shape: S, values: readonly Scalar[]) => Promise<QueryResult<R>> {
  const plans = new Map<string, Plan>();
  return async (q, shape, values) => {
    if (hasPlugins(q)) return q.executeQuery(build(q, shape, (i) => values[i] as never));
    const key = `${engineOf(q)} ${JSON.stringify(shape)}`;
    let p = plans.get(key);
    if (!p) {
      p = planOf(build(q, shape, (i) => new Slot(i) as never).compile(), values.length);
      // The forms are few (a list's filters set or not), but bounded all the same.
      if (plans.size >= 500) plans.clear();
      plans.set(key, p);
    }
    return runPlan<R>(q, p, values);
  };
}
