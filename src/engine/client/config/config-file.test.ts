// The client's config.json as docker writes it after `docker login` / `docker logout`: tabs,
// `auths` first, base64 `user:password`, other keys kept, nothing written when nothing changed.
import { describe, expect, test } from 'vitest';
import { ConfigFile, type ConfigStorage } from './config-file';

function storage(text?: string): ConfigStorage & { text?: string; writes: number } {
  const s = {
    filename: '/home/student/.docker/config.json',
    text,
    writes: 0,
    load: async () => s.text,
    save: async (t: string) => {
      s.text = t;
      s.writes++;
    },
  };
  return s;
}

describe('config.json', () => {
  test('login writes auths with base64 user:password, as docker 28 does', async () => {
    const s = storage();
    const config = await ConfigFile.load(s);
    expect(
      await config.store({ username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' }),
    ).toBe(true);
    expect(s.text).toBe(
      '{\n\t"auths": {\n\t\t"registry.example.com": {\n\t\t\t"auth": "c3R1ZGVudDpkb2NreWFyZA=="\n\t\t}\n\t}\n}',
    );
    expect(config.credentials('registry.example.com')).toEqual({
      username: 'student',
      password: 'dockyard',
      serveraddress: 'registry.example.com',
    });
  });

  test('the same credentials again change nothing (no write, no warning)', async () => {
    const s = storage();
    const config = await ConfigFile.load(s);
    await config.store({ username: 'a', password: 'b', serveraddress: 'r' });
    expect(await config.store({ username: 'a', password: 'b', serveraddress: 'r' })).toBe(false);
    expect(s.writes).toBe(1);
  });

  test('logout leaves "auths": {} and keeps keys docker does not own', async () => {
    const s = storage(
      '{\n\t"auths": {\n\t\t"r": {\n\t\t\t"auth": "YTpi"\n\t\t}\n\t},\n\t"psFormat": "table {{.ID}}"\n}',
    );
    const config = await ConfigFile.load(s);
    expect(config.credentials('r')?.username).toBe('a');
    await config.erase('r');
    expect(s.text).toBe('{\n\t"auths": {},\n\t"psFormat": "table {{.ID}}"\n}');
    await config.erase('nothing');
    expect(s.writes).toBe(1);
  });

  test('registries are kept sorted; Docker Hub has its URL as key', async () => {
    const s = storage();
    const config = await ConfigFile.load(s);
    await config.store({ username: 'u', password: 'p', serveraddress: 'registry.example.com' });
    await config.store({ username: 'u', password: 'p', serveraddress: 'https://index.docker.io/v1/' });
    expect(config.servers()).toEqual(['registry.example.com', 'https://index.docker.io/v1/']);
    expect(s.text!.indexOf('https://index.docker.io/v1/')).toBeLessThan(s.text!.indexOf('registry.example.com'));
  });

  test('a broken file is an error naming it', async () => {
    await expect(ConfigFile.load(storage('{nope'))).rejects.toThrow(
      'loading config file: /home/student/.docker/config.json',
    );
  });
});
