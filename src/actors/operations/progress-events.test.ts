import { describe, expect, it } from 'vitest';
import { pullEventOf, pushEventOf } from './progress-events';

describe('reading Docker’s words into events', () => {
  it.each([
    ['Pulling fs layer', 'layer.queued'],
    ['Waiting', 'layer.waiting'],
    ['Downloading', 'layer.downloading'],
    ['Verifying Checksum', 'layer.verifying'],
    ['Download complete', 'layer.downloaded'],
    ['Extracting', 'layer.extracting'],
    ['Pull complete', 'layer.complete'],
    ['Already exists', 'layer.exists'],
    ['Retrying in 5 seconds', 'layer.retrying'],
    ['Retrying in 1 second', 'layer.retrying'],
  ])('pull: `%s` is %s', (status, type) => {
    expect(pullEventOf({ status, id: 'c7b7f7d2a3b1' })?.type).toBe(type);
  });

  it.each([
    ['Preparing', 'layer.preparing'],
    ['Waiting', 'layer.waiting'],
    ['Pushing', 'layer.pushing'],
    ['Pushed', 'layer.pushed'],
    ['Layer already exists', 'layer.exists'],
    ['Mounted from library/alpine', 'layer.mounted'],
    ['Retrying in 10 seconds', 'layer.retrying'],
  ])('push: `%s` is %s', (status, type) => {
    expect(pushEventOf({ status, id: '352c5f4a880c' })?.type).toBe(type);
  });

  it('reads the statuses that are not about a layer', () => {
    expect(pullEventOf({ status: 'Pulling from library/alpine', id: 'latest' })).toEqual({
      type: 'pull.from',
      tag: 'latest',
      repository: 'library/alpine',
    });
    expect(pullEventOf({ status: 'Status: Image is up to date for alpine:latest' })).toEqual({
      type: 'pull.done',
      reference: 'alpine:latest',
      upToDate: true,
    });
    expect(pullEventOf({ errorDetail: { message: 'boom' }, error: 'boom' })).toEqual({
      type: 'pull.failed',
      message: 'boom',
    });
    expect(pullEventOf({ status: 'Something new', id: 'abc' })).toBeUndefined();
  });
});
