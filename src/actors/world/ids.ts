// Where the world's randomness comes from. Real Docker draws container IDs from crypto/rand and a
// registry names each upload session with a random UUID; the simulation must replay a lesson
// identically, so every such draw comes from a named, seeded stream instead: `daemon:laptop` for
// the laptop's containers, `registry:docker.io` for the hub's upload sessions and tokens.
//
// A stream is a counter run through a mixing function, so its whole state is one number: a world
// snapshot stores the counters, and a restored world draws exactly what the original would have.
import type { IdSource } from '../../engine/daemon/containers/ids';
import { seedOf } from '../../engine/image/official/prng';

/** SplitMix32's finaliser over (seed, n): the n-th 32-bit draw of a stream. */
function draw(seed: number, n: number): number {
  let z = (seed + Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** One named stream of draws; implements the daemon's IdSource. */
export class IdStream implements IdSource {
  readonly #seed: number;
  #drawn: number;

  constructor(seed: string, drawn = 0) {
    this.#seed = seedOf(seed);
    this.#drawn = drawn;
  }

  /** Draws taken so far (the stream's whole state). */
  get drawn(): number {
    return this.#drawn;
  }

  /** Go on from draw `n` (a restored world's stream, put back where the snapshot left it). */
  skipTo(n: number): void {
    this.#drawn = n;
  }

  /** The next unsigned 32-bit value. */
  next(): number {
    return draw(this.#seed, this.#drawn++);
  }

  /** A 64-hex ID whose 12-character short form is never all digits (as moby's stringid). */
  nextId(): string {
    for (;;) {
      let id = '';
      for (let i = 0; i < 8; i++) id += hex8(this.next());
      if (!/^\d{12}/.test(id)) return id;
    }
  }

  /** A whole number in [0, n). */
  nextInt(n: number): number {
    return Math.floor((this.next() / 0x1_0000_0000) * n);
  }

  /** A version-4 UUID (`3f1d2c4b-…-4…-[89ab]…`), as a registry names an upload session. */
  uuid(): string {
    const h = hex8(this.next()) + hex8(this.next()) + hex8(this.next()) + hex8(this.next());
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Every stream of one world, by name, all derived from the world's seed. */
export class WorldIds {
  readonly #streams = new Map<string, IdStream>();

  constructor(
    readonly seed: string,
    counters: Readonly<Record<string, number>> = {},
  ) {
    for (const [name, drawn] of Object.entries(counters))
      this.#streams.set(name, new IdStream(`${seed}/${name}`, drawn));
  }

  stream(name: string): IdStream {
    let s = this.#streams.get(name);
    if (!s) {
      s = new IdStream(`${this.seed}/${name}`);
      this.#streams.set(name, s);
    }
    return s;
  }

  /** Put every stream where `counters` says (a snapshot's counters, once the world is rebuilt). */
  restore(counters: Readonly<Record<string, number>>): void {
    for (const [name, drawn] of Object.entries(counters)) this.stream(name).skipTo(drawn);
  }

  /** Each stream's draw count, sorted by name: the part of a snapshot that restores the streams. */
  counters(): Record<string, number> {
    return Object.fromEntries([...this.#streams].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, s]) => [n, s.drawn]));
  }
}
