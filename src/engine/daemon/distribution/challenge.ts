// Authentication challenges (RFC 7235; distribution `registry/client/auth/challenge`). A registry
// that wants credentials answers `401` with `WWW-Authenticate`, naming a scheme and its parameters:
//
//   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"
//   Basic realm="Registry Realm"
//
// `Bearer` sends the client to a token server (the realm) to trade credentials for a token;
// `Basic` wants the credentials themselves on every request. A bearer challenge may also say why
// the last token failed: `error="invalid_token"` or `error="insufficient_scope"`.

export interface Challenge {
  /** Lower case: `bearer`, `basic`. */
  scheme: string;
  /** Parameter names in lower case: `realm`, `service`, `scope`, `error`. */
  params: Record<string, string>;
}

const token = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;

/** Parse a `WWW-Authenticate` value; several challenges may share one header, comma-separated. */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let at = 0;
  const skip = (chars: RegExp) => {
    while (at < header.length && chars.test(header[at]!)) at++;
  };
  const readToken = (): string | undefined => {
    token.lastIndex = at;
    const m = token.exec(header);
    if (!m) return undefined;
    at = token.lastIndex;
    return m[0];
  };
  let current: Challenge | undefined;
  while (at < header.length) {
    skip(/[\s,]/);
    const name = readToken();
    if (name === undefined) break;
    skip(/[ \t]/);
    if (header[at] !== '=') {
      // A bare token starts a new challenge (its scheme).
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
      continue;
    }
    at++; // '='
    skip(/[ \t]/);
    let value = '';
    if (header[at] === '"') {
      at++;
      while (at < header.length && header[at] !== '"') {
        if (header[at] === '\\' && at + 1 < header.length) at++;
        value += header[at++];
      }
      at++; // closing quote
    } else {
      value = readToken() ?? '';
    }
    if (!current) continue; // a parameter before any scheme: malformed, ignored
    current.params[name.toLowerCase()] = value;
  }
  return out;
}
