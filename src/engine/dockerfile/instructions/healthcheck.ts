// HEALTHCHECK: how Docker decides a container is healthy (BuildKit `instructions/parse.go`).
//
//   HEALTHCHECK NONE                                   disable any healthcheck inherited from the base
//   HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s]
//               [--retries=3] CMD <command>            shell form → ["CMD-SHELL", "<command>"]
//   HEALTHCHECK CMD ["curl", "-f", "http://localhost"] exec form  → ["CMD", "curl", "-f", …]
//
// Durations use Go's syntax (`1m30s`); a set one must be at least 1ms (0 means "use the default").
// NONE looks at no flags at all, so `HEALTHCHECK --bogus=1 NONE` is accepted, as in Docker.
import { InstructionError } from '../errors';
import { DurationError, parseGoDuration } from '../go-duration';
import type { Command, HealthConfig } from './commands';
import type { BuilderFlags } from './flags';
import { commandBase, errAtLeastOneArgument, handleJSONArgs, type ParseRequest } from './request';
import { goQuote } from '../go-text';

const millisecond = 1_000_000;

/** A duration flag in nanoseconds: 0 when empty or zero, otherwise at least 1ms. */
function optionalInterval(flags: BuilderFlags, name: string): number {
  const text = flags.string(name);
  if (text === '') return 0;
  let nanoseconds: number;
  try {
    nanoseconds = parseGoDuration(text);
  } catch (error) {
    if (error instanceof DurationError) throw new InstructionError(error.message);
    throw error;
  }
  if (nanoseconds === 0) return 0;
  if (nanoseconds < millisecond) throw new InstructionError(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return nanoseconds;
}

/** Go's `strconv.ParseInt(text, 10, 32)`, with its error wording. */
function parseInt32(text: string): number {
  if (!/^[+-]?\d+$/.test(text))
    throw new InstructionError(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const value = Number(text);
  if (value > 2 ** 31 - 1 || value < -(2 ** 31)) {
    throw new InstructionError(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  }
  return value;
}

export function parseHealthcheck(req: ParseRequest): Command {
  if (req.args.length === 0) throw errAtLeastOneArgument('HEALTHCHECK');
  const base = commandBase(req);
  let type = req.args[0]!.toUpperCase();
  const args = req.args.slice(1);
  const none: HealthConfig = { test: [], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (type === 'NONE') {
    if (args.length !== 0) throw new InstructionError('HEALTHCHECK NONE takes no arguments');
    return { ...base, kind: 'healthcheck', health: { ...none, test: [type] } };
  }
  const flags = req.flags
    .addString('interval')
    .addString('timeout')
    .addString('start-period')
    .addString('start-interval')
    .addString('retries')
    .parse();
  if (type !== 'CMD') throw new InstructionError(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`);
  const command = handleJSONArgs(args, req.json);
  if (command.length === 0) throw new InstructionError('Missing command after HEALTHCHECK CMD');
  if (!req.json) type = 'CMD-SHELL';
  const health = {
    test: [type, ...command],
    interval: optionalInterval(flags, 'interval'),
    timeout: optionalInterval(flags, 'timeout'),
    startPeriod: optionalInterval(flags, 'start-period'),
    startInterval: optionalInterval(flags, 'start-interval'),
    retries: 0,
  };
  const retriesText = flags.string('retries');
  if (retriesText !== '') {
    const retries = parseInt32(retriesText);
    if (retries < 0) throw new InstructionError(`--retries cannot be negative (${retries})`);
    health.retries = retries;
  }
  return { ...base, kind: 'healthcheck', health };
}
