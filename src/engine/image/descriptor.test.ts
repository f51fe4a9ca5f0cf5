import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { descriptorOf } from './descriptor';
import { MediaType } from './media-types';

describe('descriptorOf', () => {
  it('names bytes by media type, sha256 and exact size', async () => {
    expect(await descriptorOf(utf8('hello'), MediaType.ociConfig)).toEqual({
      mediaType: MediaType.ociConfig,
      digest: 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      size: 5,
    });
  });

  it('describes the empty blob', async () => {
    const d = await descriptorOf(new Uint8Array(0), MediaType.ociEmpty);
    expect(d.digest).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(d.size).toBe(0);
  });
});
