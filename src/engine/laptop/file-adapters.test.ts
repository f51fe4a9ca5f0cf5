import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { FileSystemError } from '../client/cli/file-system';
import { ConfigFile } from '../client/config/config-file';
import { LaptopFiles } from './files';

describe("the docker client's view of the laptop", () => {
  const setup = () => {
    const files = new LaptopFiles({ now: () => 0 });
    files.mkdir('/home/student/app');
    let cwd = '/home/student';
    return { files, fs: files.asFileSystem(() => cwd), cd: (dir: string) => (cwd = dir) };
  };

  it('reads and writes relative to the working directory, streams included', async () => {
    const { files, fs, cd } = setup();
    await fs.writeFile('alpine.tar', utf8('tar'));
    cd('/home/student/app');
    await fs.writeFile(
      '../out.tar',
      (async function* () {
        yield utf8('a');
        yield utf8('b');
      })(),
    );
    expect(files.readText('/home/student/alpine.tar')).toBe('tar');
    expect(files.readText('/home/student/out.tar')).toBe('ab');
    expect(new TextDecoder().decode(await fs.readFile('../alpine.tar'))).toBe('tar');
    expect(await fs.stat('.')).toBe('directory');
    expect(await fs.stat('../alpine.tar')).toBe('file');
    expect(await fs.stat('nope')).toBeUndefined();
    await fs.mkdir?.('out/dir');
    expect(await fs.readdir?.('.')).toEqual(['out']);
    expect(await fs.lstat?.('out')).toEqual({ kind: 'directory', mode: 0o755, size: 0, mtime: 0 });
    expect(await fs.lstat?.('../out.tar')).toEqual({ kind: 'file', mode: 0o644, size: 2, mtime: 0 });
    await fs.remove?.('out');
    await fs.remove?.('nothing-there');
    expect(await fs.stat('out')).toBeUndefined();
  });

  it.each([
    ['readFile', (fs: ReturnType<typeof setup>['fs']) => fs.readFile('x.tar'), 'open x.tar: no such file or directory'],
    ['readFile of a directory', (fs: ReturnType<typeof setup>['fs']) => fs.readFile('app'), 'read app: is a directory'],
    [
      'writeFile with no directory',
      (fs: ReturnType<typeof setup>['fs']) => fs.writeFile('no/x.tar', utf8('')),
      'open no/x.tar: no such file or directory',
    ],
    [
      'readdir of nothing',
      (fs: ReturnType<typeof setup>['fs']) => fs.readdir!('nope'),
      'open nope: no such file or directory',
    ],
  ])("words %s errors in Go's way", async (_name, action, message) => {
    const { fs } = setup();
    await expect(action(fs)).rejects.toThrow(FileSystemError);
    await expect(action(fs)).rejects.toThrow(message);
  });

  it('keeps config.json in ~/.docker, where docker login writes it', async () => {
    const { files } = setup();
    const storage = files.configStorage('/home/student/.docker');
    expect(storage.filename).toBe('/home/student/.docker/config.json');
    expect(await storage.load()).toBeUndefined();
    const config = await ConfigFile.load(storage);
    await config.store({ username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' });
    expect(files.readText('/home/student/.docker/config.json')).toContain('"registry.example.com"');
    files.remove('/home/student/.docker', { recursive: true });
    await storage.save('{}');
    expect(files.readText('/home/student/.docker/config.json')).toBe('{}');
  });
});
