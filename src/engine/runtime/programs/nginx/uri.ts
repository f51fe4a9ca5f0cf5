// How nginx reads the path of a request before matching locations (ngx_http_parse_complex_uri):
// the query string is split off, `%XX` escapes are decoded, `//` merged into `/`, and `.` and `..`
// segments resolved — a `..` that would climb above `/` makes the request a 400 Bad Request, which
// is why `GET /../etc/passwd` cannot escape the document root.

export type ParsedUri = { ok: true; uri: string; args: string } | { ok: false };

export function parseRequestUri(url: string): ParsedUri {
  const q = url.indexOf('?');
  const raw = q < 0 ? url : url.slice(0, q);
  const args = q < 0 ? '' : url.slice(q + 1);
  if (!raw.startsWith('/')) return { ok: false };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false };
  }
  if (decoded.includes('\0')) return { ok: false };
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const [i, part] of parts.entries()) {
    if (part === '' || part === '.') {
      if (i === parts.length - 1) out.push('');
      continue;
    }
    if (part === '..') {
      if (out.length === 0) return { ok: false };
      out.pop();
      if (i === parts.length - 1) out.push('');
      continue;
    }
    out.push(part);
  }
  const uri = '/' + out.join('/');
  return { ok: true, uri, args };
}
