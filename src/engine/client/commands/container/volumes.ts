// `-v`: what a container gets from outside its image, in the short syntax docker/cli reads with
// its compose volume parser (`cli/compose/loader/volume.go`):
//
//   -v /data                     an anonymous volume          → Config.Volumes {"/data":{}}
//   -v data:/data[:ro]           the named volume `data`      → HostConfig.Binds
//   -v /host/dir:/data[:ro]      a bind mount of a host path  → HostConfig.Binds
//   -v ./site:/usr/share/nginx/html   the same, relative to the working directory (made absolute)
//
// A source that starts with `/`, `.` or `~` (or a Windows drive) is a path; anything else names a
// volume. Bad specs get the parser's words: `invalid spec: /a:/b:: empty section between colons`.

/** One `-v` value taken apart: its source (empty for an anonymous volume) and target. */
export interface VolumeSpec {
  source: string;
  target: string;
  /** `bind` for a host path, `volume` otherwise. */
  type: 'bind' | 'volume';
}

const isLetter = (ch: string) => /^\p{L}$/u.test(ch);

/** A drive letter followed by a colon (`C:`): kept in the section, not a separator. */
const isWindowsDrive = (buffer: string[], ch: string) => ch === ':' && buffer.length === 1 && isLetter(buffer[0]!);

function isFilePath(source: string): boolean {
  if ('./~'.includes(source[0]!)) return true;
  const chars = [...source];
  if (chars.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return isWindowsDrive([chars[0]!], chars[1]!);
}

/** loader.ParseVolume, as far as the create request needs it; throws Error with its words. */
export function parseVolumeSpec(spec: string): VolumeSpec {
  const chars = [...spec];
  if (spec.length === 0) throw new Error('invalid empty volume spec');
  if (new TextEncoder().encode(spec).length <= 2) return { source: '', target: spec, type: 'volume' };
  let source = '';
  let target = '';
  let buffer: string[] = [];
  const END = '';
  for (const ch of [...chars, END]) {
    if (isWindowsDrive(buffer, ch)) {
      buffer.push(ch);
      continue;
    }
    if (ch !== ':' && ch !== END) {
      buffer.push(ch);
      continue;
    }
    const section = buffer.join('');
    if (buffer.length === 0) throw new Error(`invalid spec: ${spec}: empty section between colons`);
    if (source === '' && ch === END) target = section;
    else if (source === '') source = section;
    else if (target === '') target = section;
    else if (ch === ':') throw new Error(`invalid spec: ${spec}: too many colons`);
    // else: the mode (`ro`, `rw`, `nocopy`, propagation…), sent along as written
    buffer = [];
  }
  return { source, target, type: source !== '' && isFilePath(source) ? 'bind' : 'volume' };
}

/** filepath.Abs on a POSIX path: joined to `cwd` and cleaned. */
export function absolutePath(path: string, cwd: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return '/' + parts.join('/');
}

/** All `-v` values: binds (a relative `./dir` made absolute) and anonymous volumes, in order. */
export function parseVolumes(specs: readonly string[], cwd: string): { binds: string[]; volumes: string[] } {
  const binds: string[] = [];
  const volumes: string[] = [];
  for (const spec of new Set(specs)) {
    const parsed = parseVolumeSpec(spec);
    if (parsed.source === '') {
      volumes.push(spec);
      continue;
    }
    let bind = spec;
    const colon = spec.indexOf(':');
    if (parsed.type === 'bind' && colon >= 0) {
      const host = spec.slice(0, colon);
      if (!host.startsWith('/') && host.startsWith('.')) bind = absolutePath(host, cwd) + spec.slice(colon);
    }
    binds.push(bind);
  }
  return { binds, volumes };
}
