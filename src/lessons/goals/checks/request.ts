// `request` / `noRequest`: did a message like this travel since the step began? Matched on who
// sent it and to whom (world hosts), the method, the URL path (with or without the Engine API's
// `/v1.50` prefix, `*` globs per segment) and the status of its response. `noRequest` is how a
// lesson shows the cache: a second `docker run` asks no registry anything.
import type { TraceEntry, TraceRequest } from '../../../actors/trace/types';
import type { NoRequestCheck, RequestCheck } from '../../schema/goal-schema';
import type { CheckResult, GoalState, StepStart } from '../goal-state';
import { globMatch } from '../glob';

const VERSION_PREFIX = /^\/v1\.\d+(?=\/)/;

/** The URL's path without its query and without an Engine API version prefix. */
function bare(path: string): string {
  return (path.split('?')[0] ?? '').replace(VERSION_PREFIX, '');
}

function statusOf(request: TraceRequest, entries: readonly TraceEntry[]): number | undefined {
  for (const e of entries) if (e.kind === 'response' && e.exchange === request.exchange) return e.status;
  return undefined;
}

function describe(check: NoRequestCheck): string {
  const what = [check.method ?? '', check.path ?? 'a request'].filter(Boolean).join(' ');
  const route = [check.from ? `from ${check.from}` : '', check.to ? `to ${check.to}` : ''].filter(Boolean).join(' ');
  return [what, route, check.status !== undefined ? `answered ${check.status}` : ''].filter(Boolean).join(' ');
}

/** The requests since the step began that match every field given. */
export function matchingRequests(check: NoRequestCheck, state: GoalState, since: StepStart): TraceRequest[] {
  const recent = state.trace.filter((e) => e.seq > since.seq);
  return recent.filter(
    (e): e is TraceRequest =>
      e.kind === 'request' &&
      (check.from === undefined || e.from.host === check.from) &&
      (check.to === undefined || e.to.host === check.to) &&
      (check.method === undefined || e.method.toUpperCase() === check.method.toUpperCase()) &&
      (check.path === undefined || globMatch(bare(check.path), bare(e.url))) &&
      (check.status === undefined || statusOf(e, recent) === check.status),
  );
}

export function checkRequest(check: RequestCheck, state: GoalState, since: StepStart): CheckResult {
  const n = matchingRequests(check, state, since).length;
  const wanted = check.count ?? 1;
  return { met: n >= wanted, detail: `${n} × ${describe(check)} since the step began (wanted at least ${wanted})` };
}

export function checkNoRequest(check: NoRequestCheck, state: GoalState, since: StepStart): CheckResult {
  const found = matchingRequests(check, state, since);
  return {
    met: found.length === 0,
    detail: found.length
      ? `${found.length} × ${describe(check)} since the step began, e.g. ${found[0]!.summary}`
      : `no ${describe(check)} since the step began`,
  };
}
