import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { acmeApiSource, acmeWebsitePage } from './community';
import { generateOfficialCatalogue } from './index';
import { ImageFiles } from './image-files';
import { resolveImage } from './walk';

describe('community images on the hub', () => {
  it('acme/website is nginx:alpine plus one layer with its own page', async () => {
    const cat = await generateOfficialCatalogue();
    for (const arch of ['amd64', 'arm64']) {
      const base = resolveImage(cat, 'library/nginx', 'alpine', arch);
      const site = resolveImage(cat, 'acme/website', 'latest', arch);
      expect(site.manifest.layers.slice(0, -1)).toEqual(base.manifest.layers);
      expect(site.manifest.layers).toHaveLength(base.manifest.layers.length + 1);
      const files = await ImageFiles.of(site.layers);
      expect(fromUtf8(files.read('usr/share/nginx/html/index.html')!)).toBe(acmeWebsitePage);
      expect(site.config.config?.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    }
  });

  it('acme/hello-api runs node server.js in /app on node:22-alpine', async () => {
    const cat = await generateOfficialCatalogue();
    const base = resolveImage(cat, 'library/node', '22-alpine', 'amd64');
    const api = resolveImage(cat, 'acme/hello-api', '1.2.0', 'amd64');
    expect(api.manifest.layers.slice(0, base.manifest.layers.length)).toEqual(base.manifest.layers);
    expect(api.config.config).toMatchObject({ Cmd: ['node', 'server.js'], WorkingDir: '/app' });
    expect(Object.keys(api.config.config?.ExposedPorts ?? {})).toContain('3000/tcp');
    expect(fromUtf8((await ImageFiles.of(api.layers)).read('app/server.js')!)).toBe(acmeApiSource);
    expect(cat.repositories.get('acme/hello-api')?.get('latest')).toBe(api.indexDigest);
  });

  it('every image of the hub was created before the simulated world starts (2025-03-01 09:00 UTC)', async () => {
    const cat = await generateOfficialCatalogue();
    const worldStart = Date.UTC(2025, 2, 1, 9, 0, 0);
    for (const [repository, tags] of cat.repositories) {
      for (const tag of tags.keys()) {
        const { config } = resolveImage(cat, repository, tag, 'amd64');
        const dates = [config.created, ...(config.history ?? []).map((h) => h.created)];
        for (const date of dates)
          expect(Date.parse(date ?? ''), `${repository}:${tag} ${date}`).toBeLessThan(worldStart);
      }
    }
  });
});
