// `--mount` values and what docker 28.2.2 sent (HostConfig.Mounts) or said for each.
import { describe, expect, test } from 'vitest';
import { parseMountSpec } from './mount-spec';

describe('--mount, as docker/cli reads it', () => {
  test.each([
    ['type=bind,src=.,dst=/b', { Type: 'bind', Source: '/work', Target: '/b' }],
    ['type=bind,src=./a,dst=/b', { Type: 'bind', Source: '/work/a', Target: '/b' }],
    ['type=bind,src=a,dst=/b', { Type: 'bind', Source: 'a', Target: '/b' }],
    ['DST=/d', { Type: 'volume', Target: '/d' }],
    ['dst=/d,ro=T', { Type: 'volume', Target: '/d', ReadOnly: true }],
    ['type=volume,dst=/d,readonly=1,ro=0', { Type: 'volume', Target: '/d' }],
    ['type=bind,dst=/b,bind-recursive=enabled', { Type: 'bind', Target: '/b' }],
    [
      'type=BIND,src=/a,dst=/b,consistency=DELEGATED,bind-propagation=RPRIVATE',
      { Type: 'bind', Source: '/a', Target: '/b', Consistency: 'delegated', BindOptions: { Propagation: 'rprivate' } },
    ],
    [
      'type=bind,src=/a,dst=/b,bind-recursive=readonly,readonly,bind-propagation=rprivate',
      {
        Type: 'bind',
        Source: '/a',
        Target: '/b',
        ReadOnly: true,
        BindOptions: { Propagation: 'rprivate', ReadOnlyForceRecursive: true },
      },
    ],
    [
      'type=volume,src=v,dst=/d,volume-driver=local,volume-opt=type=nfs,volume-opt=o=addr=1,volume-nocopy,volume-label=a=b',
      {
        Type: 'volume',
        Source: 'v',
        Target: '/d',
        VolumeOptions: {
          NoCopy: true,
          Labels: { a: 'b' },
          DriverConfig: { Name: 'local', Options: { o: 'addr=1', type: 'nfs' } },
        },
      },
    ],
    [
      'type=volume,dst=/d,volume-opt=novalue,volume-opt==v,volume-label=l',
      {
        Type: 'volume',
        Target: '/d',
        VolumeOptions: { Labels: { l: '' }, DriverConfig: { Options: { novalue: '' } } },
      },
    ],
    ['dst=/d,volume-nocopy=false', { Type: 'volume', Target: '/d', VolumeOptions: { DriverConfig: {} } }],
    [
      'type=tmpfs,dst=/t,tmpfs-size=1g,tmpfs-mode=0700',
      { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 1073741824, Mode: 448 } },
    ],
    ['type=tmpfs,dst=/t,readonly,tmpfs-size=0', { Type: 'tmpfs', Target: '/t', ReadOnly: true, TmpfsOptions: {} }],
    [
      'type=image,src=alpine,dst=/i,image-subpath=/etc',
      { Type: 'image', Source: 'alpine', Target: '/i', ImageOptions: { Subpath: '/etc' } },
    ],
  ])('%s', (text, mount) => {
    expect(parseMountSpec(text, '/work')).toEqual(mount);
  });

  test.each([
    ['type=volume', 'target is required'],
    ['type=,dst=/d', 'type is required'],
    ['dst=/d,foo', "invalid field 'foo' must be a key=value pair"],
    ['dst=/d,foo=1', "unexpected key 'foo' in 'foo=1'"],
    [' dst=/d', "unexpected key ' dst' in ' dst=/d'"],
    ['dst=/d,ro=maybe', 'invalid value for ro: maybe'],
    ['dst=/d,volume-nocopy=x', 'invalid value for volume-nocopy: x'],
    ['type=bind,src=/a,dst=/b,volume-nocopy', "cannot mix 'volume-*' options with mount type 'bind'"],
    ['type=bind,src=/a,dst=/b,image-subpath=x', "cannot mix 'image-*' options with mount type 'bind'"],
    ['type=tmpfs,dst=/t,tmpfs-size=abc', 'invalid value for tmpfs-size: abc'],
    ['type=tmpfs,dst=/t,tmpfs-mode=999', 'invalid value for tmpfs-mode: 999'],
    [
      'type=bind,dst=/b,bind-recursive=xx',
      'invalid value for bind-recursive: xx (must be "enabled", "disabled", "writable", or "readonly")',
    ],
    [
      'type=bind,dst=/b,bind-recursive=writable',
      "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction",
    ],
    ['', 'EOF'],
  ])('%j: %s', (text, message) => {
    expect(() => parseMountSpec(text, '/work')).toThrow(message);
  });
});
