// nginx variables (`$remote_addr`, `$status`, `$http_user_agent`…) as log_format, add_header and
// return expand them. A variable is `$name` or `${name}`; `$http_<header>` reads any request
// header (dashes become underscores, case ignored). In an access log an empty value is written
// as `-`, so `$remote_user` shows `-` when nobody logged in.
import type { WireRequest } from '../../../wire/message';
import { commonLogTime } from '../log-time';

export interface RequestFacts {
  request: WireRequest;
  /** The decoded, normalised path (`$uri`). */
  uri: string;
  args: string;
  remoteAddr: string;
  serverName: string;
  serverPort: number;
  hostname: string;
  pid: number;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
  status?: number;
  bodyBytesSent?: number;
  upstreamAddr?: string;
}

function header(request: WireRequest, name: string): string | undefined {
  const wanted = name.toLowerCase().replace(/_/g, '-');
  for (const [k, v] of Object.entries(request.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** The `Host` header without its port, or the server's name: nginx's `$host`. */
export function hostOf(facts: Pick<RequestFacts, 'request' | 'serverName'>): string {
  const h = header(facts.request, 'host');
  if (!h) return facts.serverName;
  return h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.split(':')[0]!.toLowerCase();
}

/** The value of one variable, or undefined when nginx would leave it empty. */
export function variable(name: string, f: RequestFacts): string | undefined {
  if (name.startsWith('http_')) return header(f.request, name.slice(5));
  switch (name) {
    case 'remote_addr':
    case 'binary_remote_addr':
      return f.remoteAddr;
    case 'remote_user':
      return undefined;
    case 'time_local':
      return commonLogTime(f.time);
    case 'time_iso8601':
      return new Date(Math.floor(f.time / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
    case 'msec':
      return (f.time / 1000).toFixed(3);
    case 'request':
      return `${f.request.method} ${f.request.url} HTTP/1.1`;
    case 'request_method':
      return f.request.method;
    case 'request_uri':
      return f.request.url;
    case 'uri':
    case 'document_uri':
      return f.uri;
    case 'args':
    case 'query_string':
      return f.args || undefined;
    case 'is_args':
      return f.args ? '?' : undefined;
    case 'status':
      return f.status === undefined ? undefined : String(f.status).padStart(3, '0');
    case 'body_bytes_sent':
      return String(f.bodyBytesSent ?? 0);
    case 'host':
      return hostOf(f);
    case 'server_name':
      return f.serverName;
    case 'server_port':
      return String(f.serverPort);
    case 'scheme':
      return 'http';
    case 'server_protocol':
      return 'HTTP/1.1';
    case 'hostname':
      return f.hostname;
    case 'pid':
      return String(f.pid);
    case 'request_time':
    case 'upstream_response_time':
      return '0.000';
    case 'upstream_addr':
      return f.upstreamAddr;
    case 'proxy_add_x_forwarded_for': {
      const prior = header(f.request, 'x-forwarded-for');
      return prior ? `${prior}, ${f.remoteAddr}` : f.remoteAddr;
    }
    case 'content_type':
      return header(f.request, 'content-type');
    case 'content_length':
      return header(f.request, 'content-length');
    default:
      return undefined;
  }
}

/** Expand `$name` / `${name}` in `template`; `empty` stands in for an empty value (`-` in logs). */
export function expand(template: string, facts: RequestFacts, empty = ''): string {
  return template.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_, braced?: string, bare?: string) => {
    const value = variable((braced ?? bare)!, facts);
    return value === undefined || value === '' ? empty : value;
  });
}
