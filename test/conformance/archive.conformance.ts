// `docker save` / `docker load` against tools nobody here wrote. What we save must be a docker
// archive skopeo reads, and an OCI layout skopeo and umoci read — same digests, same files; and
// what skopeo and umoci write, we must load. Images: alpine and nginx:alpine from the official
// catalogue (linux/amd64). Every tool runs on files in a temporary directory, removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesEqual, fromUtf8, type Bytes } from '../../src/engine/bytes';
import { sha256Of } from '../../src/engine/digest';
import { loadArchive, saveImages, type SaveInput } from '../../src/engine/image/archive';
import { parseConfig } from '../../src/engine/image/config';
import { parseIndex } from '../../src/engine/image/image-index';
import { parseManifest } from '../../src/engine/image/manifest';
import { generateOfficialCatalogue } from '../../src/engine/image/official';
import { selectPlatform } from '../../src/engine/image/platform';
import { gunzip } from '../../src/engine/layer/gzip';
import type { FsEntry } from '../../src/engine/layer/entry';
import { readTar } from '../../src/engine/layer/tar';
import { findTool } from './tools';

const skopeo = findTool('skopeo');
const umoci = findTool('umoci');
const ready = skopeo.present && umoci.present;

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}
const skopeoRun = (...args: string[]) => run('skopeo', ['--insecure-policy', ...args]);

interface CatalogueImage extends SaveInput {
  /** The image's merged files: path → last entry written for it. */
  files: Map<string, FsEntry>;
}

/** The content at `path` in an image's files, following symlinks as the kernel would. */
function contentAt(files: Map<string, FsEntry>, path: string): string {
  let current = path;
  for (let hop = 0; hop < 16; hop++) {
    const entry = files.get(current);
    if (!entry) throw new Error(`${path}: not in the image`);
    if (entry.type === 'file') return Buffer.from(entry.content ?? []).toString('latin1');
    if (entry.type !== 'symlink') throw new Error(`${path}: not a file`);
    const dir = entry.linkname!.startsWith('/') ? [] : current.split('/').slice(0, -1);
    for (const part of entry.linkname!.split('/')) {
      if (part === '..') dir.pop();
      else if (part && part !== '.') dir.push(part);
    }
    current = dir.join('/');
  }
  throw new Error(`${path}: too many links`);
}

/** An official image for linux/amd64, as `docker save` would be given it: config and plain tars. */
async function officialImage(repository: string, tag: string): Promise<CatalogueImage> {
  const catalogue = await generateOfficialCatalogue();
  const blob = (digest: string) => catalogue.blobs.get(digest as never)!.bytes;
  const indexDigest = catalogue.repositories.get(`library/${repository}`)!.get(tag)!;
  const chosen = selectPlatform(parseIndex(blob(indexDigest)), { os: 'linux', architecture: 'amd64' });
  const manifest = parseManifest(blob(chosen.digest), chosen.mediaType);
  const layers = manifest.layers.map((l) => gunzip(blob(l.digest)));
  const files = new Map<string, FsEntry>();
  for (const tar of layers) for (const e of readTar(tar)) files.set(e.path, e);
  return { config: blob(manifest.config.digest), layers, repoTags: [`${repository}:${tag}`], files };
}

describe.skipIf(!ready)(
  `archives with skopeo and umoci (install: apt-get install -y ${skopeo.apt} ${umoci.apt})`,
  () => {
    let work: string;
    let archive: string;
    let alpine: CatalogueImage;
    let nginx: CatalogueImage;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-archive-'));
      alpine = await officialImage('alpine', 'latest');
      nginx = await officialImage('nginx', 'alpine');
      archive = join(work, 'saved.tar');
      writeFileSync(archive, await saveImages([alpine, nginx]));
    });

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    describe('what we save', () => {
      it.each([
        ['alpine:latest', () => alpine],
        ['nginx:alpine', () => nginx],
      ])('is a docker archive skopeo reads: %s', async (ref, image) => {
        const info = JSON.parse(skopeoRun('inspect', `docker-archive:${archive}:${ref}`)) as Record<string, unknown>;
        const config = parseConfig(image().config);
        expect(info.Layers).toEqual(config.rootfs.diff_ids);
        expect(info.Architecture).toBe('amd64');
        expect(info.Os).toBe('linux');
        const raw = Buffer.from(
          execFileSync('skopeo', [
            '--insecure-policy',
            'inspect',
            '--config',
            '--raw',
            `docker-archive:${archive}:${ref}`,
          ]),
        );
        expect(bytesEqual(raw, image().config)).toBe(true);
      });

      it.each([
        ['latest', () => alpine],
        ['alpine', () => nginx],
      ])('is an OCI layout skopeo reads: ref.name %s', async (refName, image) => {
        const manifest = parseManifest(
          Buffer.from(
            execFileSync('skopeo', ['--insecure-policy', 'inspect', '--raw', `oci-archive:${archive}:${refName}`]),
          ),
        );
        expect(manifest.config.digest).toBe(await sha256Of(image().config));
        expect(manifest.layers.map((l) => l.digest)).toEqual(parseConfig(image().config).rootfs.diff_ids);
        const config = Buffer.from(
          execFileSync('skopeo', [
            '--insecure-policy',
            'inspect',
            '--config',
            '--raw',
            `oci-archive:${archive}:${refName}`,
          ]),
        );
        expect(bytesEqual(config, image().config)).toBe(true);
      });

      it.each([
        ['docker-archive', 'alpine:latest', () => alpine, 'etc/os-release'],
        ['docker-archive', 'nginx:alpine', () => nginx, 'usr/share/nginx/html/index.html'],
        ['oci-archive', 'latest', () => alpine, 'etc/alpine-release'],
      ])('unpacks with umoci after skopeo copy %s:…:%s', (transport, ref, image, path) => {
        const layout = join(work, `layout-${transport}-${ref.replace(/\W/g, '-')}`);
        const bundle = join(work, `bundle-${transport}-${ref.replace(/\W/g, '-')}`);
        skopeoRun('copy', `${transport}:${archive}:${ref}`, `oci:${layout}:img`);
        run('umoci', ['unpack', '--rootless', '--image', `${layout}:img`, bundle]);
        const rootfs = join(bundle, 'rootfs');
        expect(readFileSync(join(rootfs, path)).toString('latin1')).toBe(contentAt(image().files, path));
        // Every file and symlink of the image is there, with the same content or target.
        let checked = 0;
        for (const [p, f] of image().files) {
          if (p.split('/').some((part) => part.startsWith('.wh.'))) continue;
          if (f.type === 'file') {
            expect([p, readFileSync(join(rootfs, p)).toString('latin1')]).toEqual([p, contentAt(image().files, p)]);
            checked++;
          } else if (f.type === 'symlink') {
            expect([p, readlinkSync(join(rootfs, p))]).toEqual([p, f.linkname]);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(3);
      });
    });

    describe('what skopeo and umoci write, we load', () => {
      let layout: string;
      const tree = {
        'srv/hello.txt': 'hello from umoci\n',
        'srv/bin/run': '#!/bin/sh\necho run\n',
        'srv/nested/deep/data.bin': 'x'.repeat(3000),
      };

      // Two images in one layout: `gnu`, whose layer GNU tar wrote and `umoci raw add-layer` added
      // verbatim, and `insert`, whose layer umoci itself wrote (`umoci insert`).
      beforeAll(() => {
        layout = join(work, 'umoci-layout');
        const source = join(work, 'umoci-source');
        for (const [path, content] of Object.entries(tree)) {
          mkdirSync(join(source, path, '..'), { recursive: true });
          writeFileSync(join(source, path), content);
        }
        chmodSync(join(source, 'srv/bin/run'), 0o755);
        symlinkSync('hello.txt', join(source, 'srv/link'));
        const layer = join(work, 'gnu-layer.tar');
        run('tar', [
          '--create',
          '--file',
          layer,
          '--directory',
          source,
          '--owner=0',
          '--group=0',
          '--numeric-owner',
          'srv',
        ]);
        run('umoci', ['init', '--layout', layout]);
        run('umoci', ['new', '--image', `${layout}:gnu`]);
        run('umoci', ['raw', 'add-layer', '--image', `${layout}:gnu`, layer]);
        run('umoci', ['new', '--image', `${layout}:insert`]);
        run('umoci', ['insert', '--rootless', '--image', `${layout}:insert`, join(source, 'srv'), '/srv']);
      });

      async function loadedFiles(bytes: Bytes, read: (tar: Uint8Array) => FsEntry[] = readTar) {
        const images = await loadArchive(bytes);
        expect(images).toHaveLength(1);
        const [image] = images;
        const files = new Map(image!.layers.flatMap((tar) => read(tar)).map((e) => [e.path, e]));
        return { image: image!, files };
      }

      function expectTree(files: Map<string, FsEntry>) {
        for (const [path, content] of Object.entries(tree)) expect(fromUtf8(files.get(path)!.content!)).toBe(content);
        expect(files.get('srv/bin/run')!.mode & 0o111).toBe(0o111);
        expect(files.get('srv/link')!.linkname).toBe('hello.txt');
      }

      function configDigestInLayout(tag: string): string {
        const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
          manifests: { digest: string; annotations?: Record<string, string> }[];
        };
        const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)!;
        const manifest = JSON.parse(readFileSync(join(layout, 'blobs/sha256', entry.digest.slice(7)), 'utf8')) as {
          config: { digest: string };
        };
        return manifest.config.digest;
      }

      it('loads skopeo’s docker-archive (uncompressed layers, <id>/layer.tar links)', async () => {
        const out = join(work, 'gnu.docker.tar');
        skopeoRun('copy', `oci:${layout}:gnu`, `docker-archive:${out}:demo/app:v1`);
        const { image, files } = await loadedFiles(readFileSync(out));
        expect(image.repoTags).toEqual(['demo/app:v1']);
        expect(image.configDigest).toBe(configDigestInLayout('gnu'));
        expectTree(files);
      });

      it('loads skopeo’s oci-archive (gzip layers)', async () => {
        const out = join(work, 'gnu.oci.tar');
        skopeoRun('copy', `oci:${layout}:gnu`, `oci-archive:${out}:v1`);
        const { image, files } = await loadedFiles(readFileSync(out));
        expect(image.repoTags).toEqual([]); // a bare tag names no repository
        expect(image.configDigest).toBe(configDigestInLayout('gnu'));
        expectTree(files);
      });

      it('loads a layer umoci wrote itself', async () => {
        const out = join(work, 'insert.oci.tar');
        skopeoRun('copy', `oci:${layout}:insert`, `oci-archive:${out}:demo.example/app:1`);
        const { image, files } = await loadedFiles(readFileSync(out), readTar);
        expect(image.repoTags).toEqual(['demo.example/app:1']);
        expect(image.configDigest).toBe(configDigestInLayout('insert'));
        expectTree(files);
      });

      it('loads our own archive after skopeo has rewritten it', async () => {
        const out = join(work, 'rewritten.docker.tar');
        skopeoRun('copy', `oci-archive:${archive}:alpine`, `docker-archive:${out}:nginx:alpine`);
        const [image] = await loadArchive(readFileSync(out));
        expect(image!.configDigest).toBe(await sha256Of(nginx.config));
        expect(image!.layers.every((l, i) => bytesEqual(l, nginx.layers[i]!))).toBe(true);
        expect(image!.repoTags).toEqual(['nginx:alpine']);
      });
    });
  },
);
