// Which official images exist and under which tags — the docker-library "library" files in
// miniature, as they stood in mid-February 2025. Several tags name one image (`alpine:latest`,
// `alpine:3`, `alpine:3.21`, `alpine:3.21.3`): they resolve to the same index digest.
import { alpine319, alpine320, alpine321, alpineImage } from './alpine';
import type { ImageDefinition } from './assemble';
import { busyboxImage } from './busybox';
import { acmeHelloApiImage, acmeWebsiteImage } from './community';
import { debianImage, debianSerial, debianVersion } from './debian';
import { helloWorldImage } from './hello-world';
import { httpdImage, httpdVersion } from './httpd';
import { nginxAlpineImage, nginxBookwormImage, nginxVersion } from './nginx';
import { node22, node23, nodeAlpineImage, nodeBookwormImage } from './node';
import type { TargetPlatform } from './platforms';
import { python312, python313, pythonImage } from './python';
import { redisImage, redisVersion } from './redis';
import { jammy, noble, ubuntuImage } from './ubuntu';

export interface OfficialImage {
  /** Repository path on the hub: `library/alpine`. */
  repository: string;
  tags: readonly string[];
  image: (p: TargetPlatform) => ImageDefinition;
}

/** `1.27.4` → [`1.27.4`, `1.27`] (the full version and its minor line). */
function versions(v: string): string[] {
  return [v, v.split('.').slice(0, 2).join('.')];
}

function suffixed(tags: readonly string[], suffix: string): string[] {
  return tags.map((t) => `${t}${suffix}`);
}

const nginxTags = [...versions(nginxVersion), '1', 'mainline'];
const httpdTags = [...versions(httpdVersion), '2'];
const redisTags = [...versions(redisVersion), '7'];
const node22Tags = [...versions(node22.version), '22', 'lts', 'jod'];
const node23Tags = [...versions(node23.version), '23', 'current'];
const py313Tags = [...versions(python313.version), '3'];
const py312Tags = versions(python312.version);

export const officialImages: readonly OfficialImage[] = [
  { repository: 'library/hello-world', tags: ['latest', 'linux'], image: helloWorldImage },
  {
    repository: 'library/busybox',
    tags: ['latest', '1', '1.37', '1.37.0', 'glibc', '1-glibc', '1.37-glibc', '1.37.0-glibc'],
    image: busyboxImage,
  },
  {
    repository: 'library/alpine',
    tags: ['latest', '3', ...versions(alpine321.version)],
    image: alpineImage(alpine321),
  },
  { repository: 'library/alpine', tags: versions(alpine320.version), image: alpineImage(alpine320) },
  { repository: 'library/alpine', tags: versions(alpine319.version), image: alpineImage(alpine319) },
  {
    repository: 'library/debian',
    tags: ['latest', 'bookworm', '12', debianVersion, `bookworm-${debianSerial}`],
    image: debianImage(false),
  },
  {
    repository: 'library/debian',
    tags: ['bookworm-slim', '12-slim', `${debianVersion}-slim`, `bookworm-${debianSerial}-slim`],
    image: debianImage(true),
  },
  {
    repository: 'library/ubuntu',
    tags: ['latest', noble.version, noble.codename, `${noble.codename}-${noble.serial}`],
    image: ubuntuImage(noble),
  },
  {
    repository: 'library/ubuntu',
    tags: [jammy.version, jammy.codename, `${jammy.codename}-${jammy.serial}`],
    image: ubuntuImage(jammy),
  },
  {
    repository: 'library/nginx',
    tags: ['latest', 'bookworm', ...nginxTags, ...suffixed(nginxTags, '-bookworm')],
    image: nginxBookwormImage,
  },
  {
    repository: 'library/nginx',
    tags: [
      'alpine',
      `alpine${alpine321.branch}`,
      ...suffixed(nginxTags, '-alpine'),
      `${nginxVersion}-alpine${alpine321.branch}`,
    ],
    image: nginxAlpineImage,
  },
  {
    repository: 'library/httpd',
    tags: ['latest', 'bookworm', ...httpdTags, ...suffixed(httpdTags, '-bookworm')],
    image: httpdImage,
  },
  {
    repository: 'library/redis',
    tags: ['latest', 'bookworm', ...redisTags, ...suffixed(redisTags, '-bookworm')],
    image: redisImage,
  },
  {
    repository: 'library/node',
    tags: ['latest', 'bookworm', ...node23Tags, ...suffixed(node23Tags, '-bookworm')],
    image: nodeBookwormImage(node23),
  },
  {
    repository: 'library/node',
    tags: [...node22Tags, ...suffixed(node22Tags, '-bookworm')],
    image: nodeBookwormImage(node22),
  },
  {
    repository: 'library/node',
    tags: [
      'alpine',
      `alpine${alpine321.branch}`,
      ...suffixed(node23Tags, '-alpine'),
      ...suffixed(node23Tags, `-alpine${alpine321.branch}`),
    ],
    image: nodeAlpineImage(node23),
  },
  {
    repository: 'library/node',
    tags: [...suffixed(node22Tags, '-alpine'), ...suffixed(node22Tags, `-alpine${alpine321.branch}`)],
    image: nodeAlpineImage(node22),
  },
  {
    repository: 'library/python',
    tags: ['latest', 'bookworm', ...py313Tags, ...suffixed(py313Tags, '-bookworm')],
    image: pythonImage(python313, 'bookworm'),
  },
  {
    repository: 'library/python',
    tags: [...py312Tags, ...suffixed(py312Tags, '-bookworm')],
    image: pythonImage(python312, 'bookworm'),
  },
  {
    repository: 'library/python',
    tags: [...suffixed(py312Tags, '-slim'), ...suffixed(py312Tags, '-slim-bookworm')],
    image: pythonImage(python312, 'slim'),
  },
];

/** Images in users' namespaces on the hub (see community.ts). */
export const communityImages: readonly OfficialImage[] = [
  { repository: 'acme/website', tags: ['latest', '1.0'], image: acmeWebsiteImage },
  { repository: 'acme/hello-api', tags: ['latest', '1.2.0'], image: acmeHelloApiImage },
];

/** Everything the simulated hub starts with. */
export const hubImages: readonly OfficialImage[] = [...officialImages, ...communityImages];
