// The network namespace from inside: `ip addr` lists the container's own interfaces (`lo` and,
// on a network, an `eth0` with its bridge address), `ip route` its default route via the bridge's
// gateway, and `wget` (BusyBox) or `curl` make HTTP requests through the simulated network —
// to another container by address or by name on a user-defined network, or to the container's
// own ports via localhost. Failures keep the tools' own words:
//
//   wget: can't connect to remote host (172.17.0.3): Connection refused
//   wget: server returned error: HTTP/1.1 404 Not Found
//   curl: (7) Failed to connect to 172.17.0.3 port 80 after 0 ms: Couldn't connect to server

import { openOutput } from '../files';
import { readBody, type WireResponse } from '../../wire/message';
import { registerApplet, type Tool } from './registry';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function broadcast(address: string, prefix: number): string {
  const n = address.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = (n | ~mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

registerApplet('ip', async (tool) => {
  const [object = '', verb = 'show'] = tool.args.filter((a) => !a.startsWith('-'));
  const ifaces = tool.ctx.net.interfaces();
  if (('address'.startsWith(object) && object !== '') || object === 'a' || object === 'addr') {
    if (verb !== 'show' && verb !== 'list' && verb !== 'ls')
      return tool.fail('RTNETLINK answers: Operation not permitted', 2);
    const out: string[] = [];
    ifaces.forEach((iface, i) => {
      const index = i + 1;
      if (iface.name === 'lo') {
        out.push(
          `${index}: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000`,
          '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        );
      } else {
        out.push(
          `${index}: ${iface.name}@if${index + 10}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `,
          `    link/ether ${iface.mac ?? '02:42:ac:11:00:02'} brd ff:ff:ff:ff:ff:ff`,
        );
      }
      for (const a of iface.addresses) {
        const scope = iface.name === 'lo' ? 'host' : 'global';
        const brd = iface.name === 'lo' ? '' : ` brd ${broadcast(a.address, a.prefix)}`;
        out.push(
          `    inet ${a.address}/${a.prefix}${brd} scope ${scope} ${iface.name}`,
          '       valid_lft forever preferred_lft forever',
        );
      }
    });
    tool.out(out.map((l) => `${l}\n`).join(''));
    return 0;
  }
  if (object === 'route' || object === 'r' || object === 'ro') {
    for (const iface of ifaces.filter((i) => i.name !== 'lo')) {
      for (const a of iface.addresses) {
        const net = broadcast(a.address, a.prefix)
          .split('.')
          .map((o, i) => (i < Math.floor(a.prefix / 8) ? a.address.split('.')[i] : '0'));
        const gateway = [...net.slice(0, 3), '1'].join('.');
        tool.out(
          `default via ${gateway} dev ${iface.name} \n${net.join('.')}/${a.prefix} dev ${iface.name} scope link  src ${a.address} \n`,
        );
      }
    }
    return 0;
  }
  if (object === 'link' || object === 'l') {
    ifaces.forEach((iface, i) => {
      tool.out(
        iface.name === 'lo'
          ? `${i + 1}: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n`
          : `${i + 1}: ${iface.name}@if${i + 11}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether ${iface.mac ?? ''} brd ff:ff:ff:ff:ff:ff\n`,
      );
    });
    return 0;
  }
  tool.err('BusyBox v1.37.0 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n');
  return 1;
});

interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(text);
  if (m === null) return undefined;
  return {
    host: m[2] as string,
    port: m[3] !== undefined ? Number(m[3]) : m[1] === 'https' ? 443 : 80,
    path: m[4] ?? '/',
  };
}

/** The errno a failed request carries (`ECONNREFUSED`…), if any. */
function errnoOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

async function fetchUrl(
  tool: Tool,
  url: Url,
  method = 'GET',
  headers: Record<string, string> = {},
  body?: string,
): Promise<WireResponse> {
  return tool.ctx.net.request(url.host, url.port, {
    method,
    url: url.path,
    headers: { Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, ...headers },
    ...(body === undefined ? {} : { body: new TextEncoder().encode(body) as Uint8Array<ArrayBuffer> }),
  });
}

registerApplet('wget', async (tool) => {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let url: string | undefined;
  const headers: Record<string, string> = { 'User-Agent': 'Wget', Connection: 'close' };
  for (let i = 0; i < tool.args.length; i++) {
    const a = tool.args[i] as string;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O') output = tool.args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : tool.args[++i];
    } else if (a === '--spider') spider = true;
    else if (a === '-T' || a === '-t' || a === '-U') i++;
    else if (a === '--header') {
      const [k, ...v] = (tool.args[++i] ?? '').split(':');
      headers[k?.trim() ?? ''] = v.join(':').trim();
    } else if (a.startsWith('-')) continue;
    else url = a;
  }
  if (url === undefined) {
    tool.err(
      'BusyBox v1.37.0 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n',
    );
    return 1;
  }
  const target = parseUrl(url);
  if (target === undefined) return tool.fail(`bad address '${url}'`);
  const address = await tool.ctx.net.resolve(target.host);
  if (address === undefined) return tool.fail(`bad address '${target.host}'`);
  if (!quiet) tool.err(`Connecting to ${target.host} (${address}:${target.port})\n`);
  let response: WireResponse;
  try {
    response = await fetchUrl(tool, target, spider ? 'HEAD' : 'GET', headers);
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOTFOUND') return tool.fail(`bad address '${target.host}'`);
    if (code === 'EHOSTUNREACH') return tool.fail(`can't connect to remote host (${address}): No route to host`);
    if (code === 'ETIMEDOUT') return tool.fail('download timed out');
    if (code !== undefined) return tool.fail(`can't connect to remote host (${address}): Connection refused`);
    throw err;
  }
  if (response.status >= 400)
    return tool.fail(`server returned error: HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trimEnd());
  if (spider) {
    if (!quiet) tool.err('remote file exists\n');
    return 0;
  }
  const bytes = await readBody(response.body);
  const name = output ?? (target.path.split('/').pop() || 'index.html');
  if (name === '-') {
    if (!quiet) tool.err('writing to stdout\n');
    tool.ctx.stdout.write(bytes);
  } else {
    if (!quiet) tool.err(`saving to '${name}'\n`);
    openOutput(tool.ctx, name).write(bytes);
  }
  if (!quiet) {
    const shown = name === '-' ? '-' : name;
    tool.err(
      `${shown.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(31)}| ${String(bytes.length).padStart(5)}  0:00:00 ETA\n`,
    );
    tool.err(name === '-' ? 'written to stdout\n' : `'${name}' saved\n`);
  }
  return 0;
});

/** curl, for images that install it (`apk add curl`, `apt-get install curl`). */
registerApplet('curl', async (tool) => {
  let silent = false;
  let showError = false;
  let include = false;
  let head = false;
  let fail = false;
  let output: string | undefined;
  let method: string | undefined;
  let data: string | undefined;
  let url: string | undefined;
  const headers: Record<string, string> = { 'User-Agent': 'curl/8.12.1', Accept: '*/*' };
  for (let i = 0; i < tool.args.length; i++) {
    const a = tool.args[i] as string;
    if (/^-[sSifIL]+$/.test(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showError = true;
      if (a.includes('i')) include = true;
      if (a.includes('I')) head = true;
      if (a.includes('f')) fail = true;
    } else if (a === '-o') output = tool.args[++i];
    else if (a === '-X' || a === '--request') method = tool.args[++i];
    else if (a === '-d' || a === '--data') data = tool.args[++i];
    else if (a === '-H' || a === '--header') {
      const [k, ...v] = (tool.args[++i] ?? '').split(':');
      headers[k?.trim() ?? ''] = v.join(':').trim();
    } else if (a === '--version' || a === '-V') {
      tool.out('curl 8.12.1 (x86_64-alpine-linux-musl) libcurl/8.12.1 OpenSSL/3.3.3 zlib/1.3.1\n');
      return 0;
    } else if (!a.startsWith('-')) url = a;
  }
  const say = (code: number, text: string) => {
    if (!silent || showError) tool.err(`curl: (${code}) ${text}\n`);
    return code;
  };
  if (url === undefined) {
    tool.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const target = parseUrl(url);
  if (target === undefined) return say(3, 'URL rejected: Malformed input to a URL function');
  const address = await tool.ctx.net.resolve(target.host);
  if (address === undefined) return say(6, `Could not resolve host: ${target.host}`);
  let response: WireResponse;
  try {
    response = await fetchUrl(
      tool,
      target,
      method ?? (head ? 'HEAD' : data !== undefined ? 'POST' : 'GET'),
      headers,
      data,
    );
  } catch (err) {
    if (errnoOf(err) === undefined) throw err;
    return say(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`);
  }
  if (fail && response.status >= 400) return say(22, `The requested URL returned error: ${response.status}`);
  const body = head ? new Uint8Array(0) : await readBody(response.body);
  let text = '';
  if (include || head) {
    text = `HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}\r\n${Object.entries(response.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
  }
  const out = output === undefined || output === '-' ? tool.ctx.stdout : openOutput(tool.ctx, output);
  if (text !== '') out.write(text);
  out.write(body);
  return 0;
});
