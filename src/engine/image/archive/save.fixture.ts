// One saved archive whose digest Node and Chromium must both produce (save.test.ts and
// archive.browser.test.ts): proof that `docker save` here is byte-identical in both engines.
import { sha256Of, type Digest } from '../../digest';
import { fixtureDir, fixtureFile, fixtureImage } from './fixture-images';
import { saveImages } from './save';

export const expectedArchiveDigest = 'sha256:5aaeb090121965ae7f7a04f05e89335853ef543298f535dec344c16b8c4544ce';

export async function fixtureArchiveDigest(): Promise<Digest> {
  const image = await fixtureImage([
    [fixtureDir('etc'), fixtureFile('etc/os-release', 'NAME="Dockyard"\n')],
    [fixtureDir('app'), fixtureFile('app/run.sh', 'echo hi\n', 0o755)],
  ]);
  return sha256Of(await saveImages([{ ...image, repoTags: ['dockyard/demo:1.0', 'dockyard/demo:latest'] }]));
}
