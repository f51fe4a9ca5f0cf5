// The two registries every registry conformance case runs against: the reference implementation
// (Debian's docker-registry, distribution 2.8, with token auth through our control token server) as
// the control, and Dockyard's own registry served over real HTTP. Both get the same accounts and
// the same access policy.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryConfig } from '../../../src/engine/registry/config';
import { createRegistry } from '../../../src/engine/registry/registry';
import { RegistryState } from '../../../src/engine/registry/state';
import { MemoryBlobStore } from '../../../src/engine/store/memory-blob-store';
import { serveHandler } from '../../../src/node/http-adapter';
import { controlToken, makeSigningIdentity } from './control-token-server';
import { freePort, startBackground } from './processes';

export interface RunningRegistry {
  /** `127.0.0.1:PORT`, as used in image references. */
  host: string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const res = await fetch(url);
  return res.status < 500;
}

export async function startReferenceRegistry(config: RegistryConfig): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-refreg-'));
  const identity = await makeSigningIdentity(dir);
  const [port, tokenPort] = [await freePort(), await freePort()];
  const storage = join(dir, 'data');
  const repoExists = async (name: string) =>
    existsSync(join(storage, 'docker/registry/v2/repositories', name, '_manifests'));

  const tokens: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${tokenPort}`);
    controlToken(config, identity, req.headers.authorization, url.searchParams.getAll('scope'), repoExists)
      .then(({ status, body }) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      })
      .catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => tokens.listen(tokenPort, '127.0.0.1', resolve));

  const configPath = join(dir, 'config.yml');
  writeFileSync(
    configPath,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storage}`,
      '  delete:',
      `    enabled: ${config.deleteEnabled}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${tokenPort}/token`,
      `    service: ${config.service}`,
      '    issuer: dockyard-control',
      `    rootcertbundle: ${identity.certPath}`,
      '',
    ].join('\n'),
  );
  const registry = await startBackground('docker-registry', ['serve', configPath], () =>
    answers(`http://127.0.0.1:${port}/v2/`),
  );
  return {
    host: `127.0.0.1:${port}`,
    async stop() {
      await registry.stop();
      await new Promise<void>((resolve) => tokens.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startDockyardRegistry(config: RegistryConfig): Promise<RunningRegistry> {
  const state = new RegistryState(new MemoryBlobStore());
  const server = await serveHandler(
    (base) => createRegistry({ config: { ...config, realm: `${base}/token` }, state }),
    {
      host: '127.0.0.1',
      port: 0,
    },
  );
  return { host: server.url.replace('http://', ''), stop: () => server.close() };
}
