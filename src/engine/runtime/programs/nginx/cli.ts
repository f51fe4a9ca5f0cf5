// nginx's command line (src/core/nginx.c, ngx_get_options): single-letter options, which may be
// grouped (`-tq`), those taking a value accepting it attached or as the next argument (`-c file`,
// `-cfile`). Anything else is refused with `nginx: invalid option: "x"`.

export interface NginxOptions {
  help: boolean;
  version: 'none' | 'short' | 'long';
  test: 'none' | 'test' | 'dump';
  quiet: boolean;
  /** `-s stop|quit|reopen|reload`. */
  signal?: 'stop' | 'quit' | 'reopen' | 'reload';
  prefix?: string;
  conf?: string;
  errorLog?: string;
  global?: string;
}

export type ParsedOptions = { ok: true; options: NginxOptions } | { ok: false; error: string };

const SIGNALS = ['stop', 'quit', 'reopen', 'reload'] as const;

export function parseNginxArgs(args: readonly string[]): ParsedOptions {
  const o: NginxOptions = { help: false, version: 'none', test: 'none', quiet: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) return { ok: false, error: `invalid option: "${arg}"` };
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const value = (what: string): string | { error: string } => {
        const attached = arg.slice(j + 1);
        j = arg.length;
        if (attached !== '') return attached;
        const next = args[++i];
        return next === undefined ? { error: `option "-${c}" requires ${what}` } : next;
      };
      switch (c) {
        case '?':
        case 'h':
          o.help = true;
          break;
        case 'v':
          o.version = o.version === 'long' ? 'long' : 'short';
          break;
        case 'V':
          o.version = 'long';
          break;
        case 't':
          o.test = o.test === 'dump' ? 'dump' : 'test';
          break;
        case 'T':
          o.test = 'dump';
          break;
        case 'q':
          o.quiet = true;
          break;
        case 'p':
        case 'c':
        case 'e':
        case 'g':
        case 's': {
          const v = value(c === 'c' || c === 'e' ? 'file name' : 'parameter');
          if (typeof v !== 'string') return { ok: false, error: v.error };
          if (c === 'p') o.prefix = v;
          else if (c === 'c') o.conf = v;
          else if (c === 'e') o.errorLog = v;
          else if (c === 'g') o.global = o.global === undefined ? v : `${o.global} ${v}`;
          else {
            if (!(SIGNALS as readonly string[]).includes(v)) return { ok: false, error: `invalid option: "-s ${v}"` };
            o.signal = v as NginxOptions['signal'];
          }
          break;
        }
        default:
          return { ok: false, error: `invalid option: "${arg.slice(j)}"` };
      }
    }
  }
  return { ok: true, options: o };
}

/** The usage text of `nginx -h`, as nginx prints it (to stderr). */
export function usage(version: string): string {
  return `nginx version: nginx/${version}
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;
}
