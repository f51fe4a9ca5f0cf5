// nginx's configuration errors. nginx reports a bad configuration as an `[emerg]` — the most severe
// log level — naming the file and line, and refuses to start:
//
//   nginx: [emerg] unknown directive "lisen" in /etc/nginx/conf.d/default.conf:2
//   nginx: [emerg] unexpected "}" in /etc/nginx/nginx.conf:34
//
// The message here is the part after `[emerg] `; callers add the prefix they need (`nginx: ` on the
// terminal, the timestamp and `1#1: ` in the error log).

export class NginxConfigError extends Error {
  override name = 'NginxConfigError';

  constructor(
    /** nginx's words, without the location: `unknown directive "lisen"`. */
    readonly reason: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    // Directives from `-g` have no line: nginx says `in command line`.
    const where =
      file === undefined ? '' : line === undefined || file === 'command line' ? ` in ${file}` : ` in ${file}:${line}`;
    super(reason + where);
  }
}
