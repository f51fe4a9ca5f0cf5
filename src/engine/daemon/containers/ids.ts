// Where a daemon's random numbers come from: container IDs, exec IDs, generated names, endpoint
// and sandbox IDs. Docker reads 32 bytes from crypto/rand for each ID (moby `stringid`); the
// simulation must replay the same run identically, so each daemon draws from its own seeded
// generator instead — same seed, same IDs, same names, in every browser and in Node.
//
// Like stringid.GenerateRandomID, an ID whose 12-character short form is all digits is thrown
// away and drawn again: `docker ps` shows short IDs, and a number could be mistaken for one.
import { generatorFor } from '../../image/official/prng';

export interface IdSource {
  /** A new 64-hex ID (`3f1d…`), never with an all-digit short form. */
  nextId(): string;
  /** A whole number in [0, n). */
  nextInt(n: number): number;
}

/** A deterministic source of IDs for one daemon, seeded by a string (the host's engine ID, a lesson's seed). */
export function seededIds(seed: string): IdSource {
  const generator = generatorFor(`dockyard-ids:${seed}`);
  const word = () => generator.next().toString(16).padStart(8, '0');
  return {
    nextId(): string {
      for (;;) {
        let id = '';
        for (let i = 0; i < 8; i++) id += word();
        if (!/^\d{12}/.test(id)) return id;
      }
    },
    nextInt(n: number): number {
      return Math.floor((generator.next() / 0x1_0000_0000) * n);
    },
  };
}
