// From a slice of the trace to a Mermaid `sequenceDiagram`: the same conversation the stage
// animates, drawn as a sequence diagram. Participants appear in the order they first speak; each
// request is a solid arrow labelled with its method and path, its response a dashed arrow with its
// status; a message that could not be delivered is a cross. Runs of exchanges that differ only by a
// digest or an upload id (one per layer) fold into a `loop` block, and state changes become notes.
import type { Endpoint, TraceEntry, TraceEvent, TraceFailure, TraceRequest, TraceResponse } from './types';

const roleNames: Record<Endpoint['role'], string> = {
  client: 'Client',
  daemon: 'Daemon',
  registry: 'Registry',
  auth: 'Token service',
  container: 'Container',
  browser: 'Browser',
};

/** Shorten digests and upload ids so labels stay readable, as Docker's own 12-character IDs do. */
export function shortenIds(text: string): string {
  return text
    .replace(/sha256(:|%3A)([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256$1$2…')
    .replace(/\/uploads\/[0-9a-zA-Z-]{16,}/g, '/uploads/…');
}

/** Mermaid treats `;` and `#` as syntax and sanitises angle brackets: write them as entity codes. */
const entities: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;', '\n': ' ', '\r': '' };

function label(text: string): string {
  return shortenIds(text).replace(/[#;<>\r\n]/g, (c) => entities[c]!);
}

/** The longest request label drawn in full; a longer query is cut (the message log has it whole). */
export const REQUEST_LABEL_MAX = 80;

/**
 * A request's arrow label: its method and path, with the query percent-decoded so it reads as
 * Docker's words (`fromImage=docker.io/library/hello-world`, `scope=repository:library/x:pull`)
 * and cut with `…` when it would make the diagram too wide to project.
 */
export function requestLabel(summary: string): string {
  const at = summary.indexOf('?');
  if (at < 0) return summary;
  let query = summary.slice(at + 1);
  try {
    query = decodeURIComponent(query);
  } catch {
    // not valid percent-encoding: keep it as sent
  }
  const text = `${summary.slice(0, at)}?${query}`;
  return text.length > REQUEST_LABEL_MAX ? `${text.slice(0, REQUEST_LABEL_MAX - 1)}…` : text;
}

interface Exchange {
  kind: 'exchange';
  request: TraceRequest;
  response?: TraceResponse;
  failure?: TraceFailure;
}
type Item = Exchange | TraceEvent;

function itemsOf(entries: readonly TraceEntry[]): Item[] {
  const items: Item[] = [];
  const byExchange = new Map<number, Exchange>();
  for (const e of entries) {
    if (e.kind === 'request') {
      const x: Exchange = { kind: 'exchange', request: e };
      byExchange.set(e.exchange, x);
      items.push(x);
    } else if (e.kind === 'response') {
      const x = byExchange.get(e.exchange);
      if (x) x.response = e;
    } else if (e.kind === 'failure') {
      const x = byExchange.get(e.exchange);
      if (x) x.failure = e;
    } else items.push(e);
  }
  return items;
}

/** What two exchanges share when they are "the same step for another layer". */
function signature(x: Exchange): string {
  // Only blob transfers repeat per layer; an index and its platform's manifest are different steps.
  const perLayer = x.request.url.includes('/blobs/');
  const path = perLayer
    ? x.request.url.replace(/sha256(:|%3A)[0-9a-f]{64}/g, 'D').replace(/\/uploads\/[^/?]+/g, '/uploads/U')
    : x.request.url;
  const end = x.response ? x.response.status : x.failure ? 'x' : '-';
  return `${x.request.from.host}/${x.request.from.role}>${x.request.to.host}/${x.request.to.role} ${x.request.method} ${path} ${end}`;
}

export interface DiagramOptions {
  /** Fold repeated exchanges into `loop` blocks (default true). */
  fold?: boolean;
  /** Draw state-change events as notes (default true). */
  notes?: boolean;
}

export function sequenceDiagram(entries: readonly TraceEntry[], options: DiagramOptions = {}): string {
  const fold = options.fold ?? true;
  const notes = options.notes ?? true;
  const participants = new Map<string, { id: string; label: string }>();
  const idOf = (e: Endpoint): string => {
    const key = `${e.host}/${e.role}`;
    let p = participants.get(key);
    if (!p) {
      p = { id: `P${participants.size + 1}`, label: `${roleNames[e.role]} (${e.host})` };
      participants.set(key, p);
    }
    return p.id;
  };

  const body: string[] = [];
  const drawExchange = (x: Exchange, indent: string) => {
    const from = idOf(x.request.from);
    const to = idOf(x.request.to);
    if (x.failure) {
      body.push(`${indent}${from}-x${to}: ${label(`${requestLabel(x.request.summary)} (${x.failure.summary})`)}`);
      return;
    }
    body.push(`${indent}${from}->>${to}: ${label(requestLabel(x.request.summary))}`);
    if (x.response) body.push(`${indent}${to}-->>${from}: ${label(x.response.summary)}`);
  };

  const items = itemsOf(entries);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'exchange') {
      if (notes) body.push(`  Note over ${idOf(item.at)}: ${label(item.summary)}`);
      continue;
    }
    let run = 1;
    if (fold) {
      const sig = signature(item);
      while (i + run < items.length) {
        const next = items[i + run]!;
        if (next.kind !== 'exchange' || signature(next) !== sig) break;
        run++;
      }
    }
    if (run > 1) {
      body.push(`  loop ${run} times`);
      drawExchange(item, '    ');
      body.push('  end');
      i += run - 1;
    } else drawExchange(item, '  ');
  }

  const head = [...participants.values()].map((p) => `  participant ${p.id} as ${label(p.label)}`);
  return ['sequenceDiagram', ...head, ...body].join('\n') + '\n';
}
