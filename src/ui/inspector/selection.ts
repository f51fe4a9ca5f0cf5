/**
 * What the student has clicked on the stage or in the message log. The
 * inspector panel shows details for exactly one selection at a time; the stage
 * highlights it. Plain data, so it can be stored, compared and put in a URL.
 */
export type Selection =
  | { kind: 'image'; host: string; id: string }
  | { kind: 'container'; host: string; id: string }
  | { kind: 'registry'; name: string; repository?: string; tag?: string }
  | { kind: 'message'; seq: number }
  | { kind: 'host'; name: string }
  | { kind: 'layer'; host: string; diffId: string };

/** True when two selections point at the same thing. */
export function sameSelection(a: Selection | undefined, b: Selection | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return selectionKey(a) === selectionKey(b);
}

/** A stable string key for a selection (for keyed lists, maps and highlighting). */
export function selectionKey(s: Selection): string {
  switch (s.kind) {
    case 'image':
    case 'container':
      return `${s.kind}:${s.host}:${s.id}`;
    case 'registry':
      return `registry:${s.name}:${s.repository ?? ''}:${s.tag ?? ''}`;
    case 'message':
      return `message:${s.seq}`;
    case 'host':
      return `host:${s.name}`;
    case 'layer':
      return `layer:${s.host}:${s.diffId}`;
  }
}
