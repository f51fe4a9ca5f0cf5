// The shape of the world's network: which hosts exist, which are up, and the links between them
// with their latency. A message between two hosts crosses one link; a message inside a host (the
// laptop's client talking to the laptop's daemon over the unix socket) crosses none and is nearly
// instant. Taking a link or a host down is data, not an exception: the network reads it on every
// delivery and fails the message the way Docker reports it.

export interface LinkState {
  /** One-way latency in milliseconds of virtual time. */
  latencyMs: number;
  up: boolean;
}

/** Latency of the unix socket between a host's client and its daemon. */
export const LOCAL_LATENCY_MS = 1;

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export class Topology {
  #hostsDown = new Set<string>();
  #links = new Map<string, LinkState>();

  /** Declare (or change) the link between `a` and `b`. Links are symmetric. */
  link(a: string, b: string, latencyMs: number): void {
    this.#links.set(key(a, b), { latencyMs, up: this.#links.get(key(a, b))?.up ?? true });
  }

  linkBetween(a: string, b: string): LinkState | undefined {
    return a === b ? { latencyMs: LOCAL_LATENCY_MS, up: true } : this.#links.get(key(a, b));
  }

  setLinkUp(a: string, b: string, up: boolean): void {
    const link = this.#links.get(key(a, b));
    if (!link) throw new Error(`no link between ${a} and ${b}`);
    link.up = up;
  }

  setHostUp(host: string, up: boolean): void {
    if (up) this.#hostsDown.delete(host);
    else this.#hostsDown.add(host);
  }

  isHostUp(host: string): boolean {
    return !this.#hostsDown.has(host);
  }

  /** Every link as data, for snapshots and the stage. */
  links(): { a: string; b: string; latencyMs: number; up: boolean }[] {
    return [...this.#links].map(([k, l]) => {
      const [a, b] = k.split('|') as [string, string];
      return { a, b, ...l };
    });
  }

  hostsDown(): string[] {
    return [...this.#hostsDown].sort();
  }
}
