// Which `location` block answers a URI — nginx's rules (ngx_http_core_find_location), which students
// often get wrong: an exact `location = /x` wins at once; otherwise the longest matching prefix is
// remembered; if it is marked `^~` it wins, else the regular expressions (`~`, `~*` for
// case-insensitive) are tried in the order they are written and the first match wins; if none
// matches, the remembered prefix is used. Locations nested inside the winner are searched the same way.
import type { LocationConf } from './conf-model';

function regexOf(loc: LocationConf): RegExp | undefined {
  try {
    return new RegExp(loc.path, loc.modifier === '~*' ? 'i' : '');
  } catch {
    return undefined;
  }
}

/** The location for `uri` among `locations` (and their nested ones), or undefined when none matches. */
export function findLocation(locations: readonly LocationConf[], uri: string): LocationConf | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.path === uri);
  if (exact) return exact;
  let prefix: LocationConf | undefined;
  for (const l of locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.path)) {
      if (!prefix || l.path.length > prefix.path.length) prefix = l;
    }
  }
  if (prefix && prefix.locations.length > 0) {
    const nested = findLocation(prefix.locations, uri);
    if (nested) return nested;
  }
  if (prefix?.modifier !== '^~') {
    for (const l of locations) {
      if ((l.modifier === '~' || l.modifier === '~*') && regexOf(l)?.test(uri)) return l;
    }
  }
  return prefix;
}
