// Runs in real Chromium: the overlay filesystem is plain TypeScript and must behave there as in Node.
import { expect, it } from 'vitest';
import { changes } from './changes';
import { Overlay } from './overlay';
import { commitUpper } from './overlay-commit';
import { applyLayer } from './snapshot';
import { snapshotToEntries } from './snapshot-entries';
import { sampleImage, summarize } from './snapshot-fixtures';

it('runs a container, diffs and commits it in the browser', () => {
  const fs = new Overlay(sampleImage(), { now: () => 1 });
  fs.writeFile('/run/nginx.pid', '7');
  fs.rm('/srv', { recursive: true });
  fs.mkdir('/srv');
  expect(changes(fs).map((c) => `${c.kind} ${c.path}`)).toEqual([
    'C /run',
    'A /run/nginx.pid',
    'C /srv',
    'D /srv/data',
    'D /srv/old.txt',
  ]);
  expect(summarize(commitUpper(fs))).toEqual(['run/', 'run/nginx.pid=7', 'srv/', 'srv/.wh..wh..opq=']);
  expect(snapshotToEntries(applyLayer(fs.lower, commitUpper(fs)))).toEqual(snapshotToEntries(fs.snapshot()));
});
