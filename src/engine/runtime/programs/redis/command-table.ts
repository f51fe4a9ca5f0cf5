// How Redis looks up and checks a command before running it (server.c processCommand): the name is
// case-insensitive; an unknown one gets `ERR unknown command 'foo', with args beginning with: 'a' `;
// each command has an arity — N exactly, or -N for "at least N" counting the name — and a call
// that breaks it gets `ERR wrong number of arguments for 'get' command`.
import { resp, type RespValue } from './resp';
import type { Keyspace } from './keyspace';

export interface Session {
  ks: Keyspace;
  /** The connection's selected database (SELECT). */
  db: number;
  now(): number;
  /** Hooks into the server for INFO, SAVE and SHUTDOWN. */
  server: {
    info(section?: string): string;
    save(): void;
    shutdown(save: boolean): void;
    config(name: string): string | undefined;
  };
}

export type Handler = (s: Session, args: string[]) => RespValue;

export interface CommandSpec {
  arity: number;
  run: Handler;
}

export const WRONG_TYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const SYNTAX = 'ERR syntax error';

/** A 64-bit signed integer argument, or undefined (the caller replies NOT_INTEGER). */
export function integerArg(text: string): number | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function runCommand(table: ReadonlyMap<string, CommandSpec>, s: Session, argv: string[]): RespValue {
  const [name = '', ...args] = argv;
  const spec = table.get(name.toLowerCase());
  if (!spec) {
    const shown = args
      .slice(0, 20)
      .map((a) => `'${a.slice(0, 128)}' `)
      .join('');
    return resp.error(`ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${shown}`);
  }
  const n = argv.length;
  if ((spec.arity > 0 && n !== spec.arity) || (spec.arity < 0 && n < -spec.arity)) {
    return resp.error(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
  }
  return spec.run(s, args);
}
