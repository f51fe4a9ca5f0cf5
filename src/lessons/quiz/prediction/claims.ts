// What a prediction option claims, judged against what the simulator did after the pause point:
// the next request (method, path, status, who to whom), how many requests of a kind followed,
// how many layers the command reported as pushed, already there, mounted or pulled, its exit
// status and the text it printed. Every field of a claim must hold. The replay test demands that
// the correct option's claim holds and every other option's does not — so the answer key is the
// simulator's own behaviour.
import type { Claim } from '../question-schema';
import type { PredictionOutcome } from './scenario';
import { exchangeOf, requestFits } from './request-pattern';

export interface LayerCounts {
  pushed: number;
  alreadyExists: number;
  mounted: number;
  pulled: number;
}

const LAYER_LINE = /^([0-9a-f]{12}): (Pushed|Layer already exists|Already exists|Mounted from \S+|Pull complete)\s*$/;

/** Layers by the last status the command printed for each (docker's non-terminal progress lines). */
export function layerCounts(output: string): LayerCounts {
  const last = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const m = LAYER_LINE.exec(line);
    if (m) last.set(m[1]!, m[2]!);
  }
  const counts: LayerCounts = { pushed: 0, alreadyExists: 0, mounted: 0, pulled: 0 };
  for (const status of last.values()) {
    if (status === 'Pushed') counts.pushed++;
    else if (status === 'Pull complete') counts.pulled++;
    else if (status.startsWith('Mounted from')) counts.mounted++;
    else counts.alreadyExists++;
  }
  return counts;
}

export interface ClaimCheck {
  holds: boolean;
  /** One line per field that does not hold, saying what happened instead. */
  misses: string[];
}

export function checkClaim(claim: Claim, outcome: PredictionOutcome): ClaimCheck {
  const misses: string[] = [];
  const all = outcome.after;
  if (claim.next) {
    const next = outcome.next;
    const status = next && exchangeOf(all, next.exchange).response?.status;
    if (!next) misses.push('no request followed the pause point');
    else if (!requestFits(claim.next, next, status)) {
      misses.push(
        `the next request was ${next.from.host} → ${next.to.host} ${next.method} ${next.url}${status !== undefined ? ` → ${status}` : ''}`,
      );
    }
  }
  if (claim.requests) {
    const { count, ...pattern } = claim.requests;
    const n = all.filter(
      (e) => e.kind === 'request' && requestFits(pattern, e, exchangeOf(all, e.exchange).response?.status),
    ).length;
    if (n !== count) misses.push(`${n} such requests followed, not ${count}`);
  }
  if (claim.layers) {
    const counts = layerCounts(`${outcome.stdout}\n${outcome.stderr}`);
    for (const key of Object.keys(claim.layers) as (keyof LayerCounts)[]) {
      const wanted = claim.layers[key];
      if (wanted !== undefined && counts[key] !== wanted) misses.push(`${key}: ${counts[key]} layers, not ${wanted}`);
    }
  }
  if (claim.exitCode !== undefined && outcome.exitCode !== claim.exitCode)
    misses.push(`the command exited ${outcome.exitCode}`);
  if (claim.stdoutContains !== undefined && !outcome.stdout.includes(claim.stdoutContains))
    misses.push(`the output has no "${claim.stdoutContains}"`);
  if (claim.stderrContains !== undefined && !outcome.stderr.includes(claim.stderrContains))
    misses.push(`the errors have no "${claim.stderrContains}"`);
  return { holds: misses.length === 0, misses };
}
