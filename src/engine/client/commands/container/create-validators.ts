// Checks docker/cli runs on some `run`/`create` flag values as they are read (`opts/env.go`,
// `opts/opts.go`): `-e NAME` without a value copies NAME from the client's environment; a label
// needs a name without blanks; a DNS server must be an IP address (printed back as Go prints it).
import type { FlagContext } from '../../cli/flag';
import { FlagValueError, parseRamInBytes } from '../../cli/go-strconv';
import { formatIp, parseIp } from '../network/ip-address';

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

/** opts.ValidateIPAddress: `--dns 8.8.8.8`. */
export function validateDns(text: string): string {
  const ip = parseIp(text.trim());
  if (!ip) throw new FlagValueError(`IP address is not correctly formatted: ${text}`);
  return formatIp(ip);
}

/** opts.ValidateLink: `--link name` or `--link name:alias`. */
export function validateLink(text: string): string {
  if (text === '') throw new FlagValueError('empty string specified for links');
  if (text.split(':').length > 2) throw new FlagValueError(`bad format for links: ${text}`);
  return text;
}
