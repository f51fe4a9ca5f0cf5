// `-v` and `--mount`: what a container gets from outside its image. `-v /data` asks for an
// anonymous volume (it goes in the Config's `Volumes`); `-v /host/dir:/data` and `-v name:/data`
// bind a host directory or a named volume (the HostConfig's `Binds`, a relative `./dir` made
// absolute first). `--mount type=bind,source=…,target=…` is the explicit form (`Mounts`).

export function parseVolumes(specs: readonly string[], cwd: string): { binds: string[]; volumes: string[] } {
  const binds: string[] = [];
  const volumes: string[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.some((p, i) => p === '' && i < parts.length - 1 && parts.length > 1)) {
      throw new Error(`invalid spec: ${spec}: empty section between colons`);
    }
    if (parts.length === 1) {
      if (spec === '') throw new Error('invalid empty volume spec');
      volumes.push(spec);
      continue;
    }
    if (parts.length > 3) throw new Error(`invalid spec: ${spec}: too many colons`);
    const rest = parts.slice(1);
    let source = parts[0] ?? '';
    if (!source.startsWith('/') && source.startsWith('.')) {
      const joined = `${cwd.replace(/\/$/, '')}/${source}`;
      const normal: string[] = [];
      for (const seg of joined.split('/')) {
        if (seg === '' || seg === '.') continue;
        if (seg === '..') normal.pop();
        else normal.push(seg);
      }
      source = '/' + normal.join('/');
    }
    binds.push([source, ...rest].join(':'));
  }
  return { binds, volumes };
}

/** `--mount type=bind,source=/a,target=/b,readonly`, as the API's Mount objects. */
export function parseMounts(specs: readonly string[]): Record<string, unknown>[] {
  return specs.map((spec) => {
    const mount: Record<string, unknown> = { Type: 'volume' };
    for (const field of spec.split(',')) {
      const eq = field.indexOf('=');
      const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase().trim();
      const value = eq < 0 ? '' : field.slice(eq + 1);
      switch (key) {
        case 'type':
          mount.Type = value;
          break;
        case 'source':
        case 'src':
          mount.Source = value;
          break;
        case 'target':
        case 'dst':
        case 'destination':
          mount.Target = value;
          break;
        case 'readonly':
        case 'ro':
          mount.ReadOnly = eq < 0 || value === 'true' || value === '1';
          break;
        default:
          if (
            ![
              'volume-driver',
              'volume-opt',
              'volume-nocopy',
              'bind-propagation',
              'consistency',
              'tmpfs-size',
              'tmpfs-mode',
            ].includes(key)
          ) {
            throw new Error(`invalid field '${key}' must be a key=value pair`);
          }
      }
    }
    if (!mount.Target) throw new Error('target is required');
    return mount;
  });
}
