// Checks docker/cli runs on some `run`/`create` flag values as they are read (`opts/env.go`,
// `opts/opts.go`): `-e NAME` without a value copies NAME from the client's environment; a label
// needs a name without blanks.
import type { FlagContext } from '../../cli/flag';
import { FlagValueError, parseRamInBytes } from '../../cli/go-strconv';

/** opts.ValidateEnv: `NAME=value` as is; `NAME` alone takes the client's value, if it has one. */
export function validateEnv(text: string, ctx: FlagContext): string {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (name === '') throw new FlagValueError(`invalid environment variable: ${text}`);
  if (eq >= 0) return text;
  const value = ctx.env[name];
  return value === undefined ? text : `${name}=${value}`;
}

/** opts.ValidateLabel: a name, and no whitespace in it. */
export function validateLabel(text: string): string {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).replace(/^[\s]+/, '');
  if (name === '') throw new FlagValueError(`invalid label '${text}': empty name`);
  if (/\s/.test(name)) throw new FlagValueError(`label '${name}' contains whitespaces`);
  return text;
}

/** opts.MemSwapBytes: `-1` (unlimited) or a size. */
export function parseMemorySwap(text: string): number {
  return text === '-1' ? -1 : parseRamInBytes(text);
}
