// The context store writes what docker/cli writes: `contexts/meta/<sha256 of name>/meta.json`
// with the same bytes (captured from `docker context create cloud --docker
// host=tcp://cloud-vm:2376 --description "The cloud VM"`), and reads it back.
import { describe, expect, test } from 'vitest';
import type { Bytes } from '../../bytes';
import { memoryFiles } from '../client.fixture';
import { checkContextName, ContextNotFoundError, ContextStore, contextId } from './context-store';

const CLOUD_ID = '56681010b753e1abe52c449d0aab291b28f1808a3a91b6baeaa726883baad4b0';

describe('the context store', () => {
  test('meta.json under the sha256 of the name, byte for byte as docker writes it', async () => {
    const files = new Map<string, Bytes>();
    const store = new ContextStore(memoryFiles(files), '/home/student/.docker');
    await store.save({ name: 'cloud', description: 'The cloud VM', host: 'tcp://cloud-vm:2376', skipTLSVerify: false });
    expect(await contextId('cloud')).toBe(CLOUD_ID);
    const text = new TextDecoder().decode(files.get(`/home/student/.docker/contexts/meta/${CLOUD_ID}/meta.json`));
    expect(text).toBe(
      '{"Name":"cloud","Metadata":{"Description":"The cloud VM"},"Endpoints":{"docker":{"Host":"tcp://cloud-vm:2376","SkipTLSVerify":false}}}',
    );
    expect(await store.get('cloud')).toEqual({
      name: 'cloud',
      description: 'The cloud VM',
      host: 'tcp://cloud-vm:2376',
      skipTLSVerify: false,
    });
  });

  test('no description and no host are left out, as Go’s omitempty does', async () => {
    const files = new Map<string, Bytes>();
    const store = new ContextStore(memoryFiles(files), '/c');
    await store.save({ name: 'bare', description: '', host: '', skipTLSVerify: false });
    const [text] = [...files].filter(([k]) => k.endsWith('/meta.json')).map(([, b]) => new TextDecoder().decode(b));
    expect(text).toBe('{"Name":"bare","Metadata":{},"Endpoints":{"docker":{"SkipTLSVerify":false}}}');
  });

  test('list, remove, and the error for a context that is not there', async () => {
    const store = new ContextStore(memoryFiles(new Map()), '/c');
    await store.save({ name: 'b1', description: '', host: 'tcp://b:1', skipTLSVerify: false });
    await store.save({ name: 'a1', description: '', host: 'tcp://a:1', skipTLSVerify: true });
    expect((await store.list()).map((c) => c.name).sort()).toEqual(['a1', 'b1']);
    await store.remove('a1');
    expect((await store.list()).map((c) => c.name)).toEqual(['b1']);
    const id = await contextId('a1');
    await expect(store.get('a1')).rejects.toThrow(ContextNotFoundError);
    await expect(store.get('a1')).rejects.toThrow(
      `context "a1": context not found: open /c/contexts/meta/${id}/meta.json: no such file or directory`,
    );
  });

  test.each([
    ['default', '"default" is a reserved context name'],
    ['x', 'context name "x" is invalid, names are validated against regexp "^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"'],
    ['a b', 'context name "a b" is invalid'],
    ['-x', 'context name "-x" is invalid'],
  ])('the name %j is refused', (name, message) => {
    expect(() => checkContextName(name)).toThrow(message);
  });

  test.each(['cloud', 'onprem-1', 'a.b+c_d'])('the name %j is fine', (name) => {
    expect(() => checkContextName(name)).not.toThrow();
  });
});
