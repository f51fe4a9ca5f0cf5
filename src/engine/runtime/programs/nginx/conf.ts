// Loading nginx's configuration: the main file (`-c`, /etc/nginx/nginx.conf by default) with its
// includes, plus the directives given with `-g` on the command line (the image runs
// `nginx -g 'daemon off;'` so that nginx stays in the foreground as the container's main
// process), checked and turned into settings. Any problem is an NginxConfigError in nginx's words.
import type { Overlay } from '../../../layer/overlay';
import { buildConf, type NginxConf } from './conf-model';
import { parseConfFile, parseGlobalDirectives, type FilesRead } from './conf-parse';
import { checkDirectives } from './directives';

export const DEFAULT_CONF_PATH = '/etc/nginx/nginx.conf';

export interface LoadedConf {
  conf: NginxConf;
  files: FilesRead;
}

export function loadConf(fs: Overlay, path: string, globalDirectives?: string): LoadedConf {
  const files: FilesRead = [];
  const main = parseConfFile(fs, path, 0, undefined, files);
  const extra = globalDirectives === undefined ? [] : parseGlobalDirectives(fs, globalDirectives);
  checkDirectives([...main, ...extra]);
  return { conf: buildConf([...main, ...extra]), files };
}
