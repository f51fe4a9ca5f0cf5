// `--mount type=bind,source=./site,target=/usr/share/nginx/html,readonly`: the explicit mount
// syntax (docker/cli `opts/mount.go`), comma-separated `key=value` fields read as CSV. The type is
// `volume` unless said otherwise (`bind`, `tmpfs`, `image`…); each type has its own options
// (`volume-opt=…`, `bind-propagation=…`, `tmpfs-size=64m`), and mixing them up is an error in
// docker/cli's words, as are a missing target or a field it does not know. The result is one
// entry of HostConfig.Mounts, fields in Go's order, empty ones left out.
import { FlagValueError, parseGoBool, parseRamInBytes } from '../../cli/go-strconv';
import { readCsvRecord } from '../shared/csv-record';
import { absolutePath } from './volumes';

type Json = Record<string, unknown>;

const fail = (message: string) => new FlagValueError(message);

function bool(key: string, value: string, message = `invalid value for ${key}: ${value}`): boolean {
  try {
    return parseGoBool(value);
  } catch {
    throw fail(message);
  }
}

function setOnMap(target: Record<string, string>, text: string): void {
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  if (key !== '') target[key] = eq < 0 ? '' : text.slice(eq + 1);
}

const sortedRecord = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** MountOpt.Set: one `--mount` value as a Mount; throws FlagValueError with docker/cli's words. */
export function parseMountSpec(text: string, cwd: string): Json {
  const fields = readCsvRecord(text);
  let type = 'volume';
  let source: string | undefined;
  let target = '';
  let readOnly = false;
  let consistency: string | undefined;
  let volume:
    | {
        noCopy?: boolean;
        labels: Record<string, string>;
        driver?: string;
        options?: Record<string, string>;
        subpath?: string;
      }
    | undefined;
  let bindOpts:
    | { propagation?: string; nonRecursive?: boolean; readOnlyNonRecursive?: boolean; readOnlyForceRecursive?: boolean }
    | undefined;
  let tmpfs: { size?: number; mode?: number } | undefined;
  let image: { subpath?: string } | undefined;
  const volumeOptions = () => (volume ??= { labels: {} });
  const bindOptions = () => (bindOpts ??= {});
  const tmpfsOptions = () => (tmpfs ??= {});

  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readOnly = true;
      else if (key === 'volume-nocopy') volumeOptions().noCopy = true;
      else if (key === 'bind-nonrecursive') bindOptions().nonRecursive = true;
      else throw fail(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type':
        type = value.toLowerCase();
        break;
      case 'source':
      case 'src':
        source = value === '.' || value.startsWith('./') ? absolutePath(value, cwd) : value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = value;
        break;
      case 'readonly':
      case 'ro':
        readOnly = bool(key, value);
        break;
      case 'consistency':
        consistency = value.toLowerCase();
        break;
      case 'bind-propagation':
        bindOptions().propagation = value.toLowerCase();
        break;
      case 'bind-nonrecursive':
        bindOptions().nonRecursive = bool(key, value);
        break;
      case 'bind-recursive':
        if (value === 'disabled') bindOptions().nonRecursive = true;
        else if (value === 'writable') bindOptions().readOnlyNonRecursive = true;
        else if (value === 'readonly') bindOptions().readOnlyForceRecursive = true;
        else if (value !== 'enabled') {
          throw fail(`invalid value for ${key}: ${value} (must be "enabled", "disabled", "writable", or "readonly")`);
        }
        break;
      case 'volume-subpath':
        volumeOptions().subpath = value;
        break;
      case 'volume-nocopy':
        volumeOptions().noCopy = bool(key, value, `invalid value for volume-nocopy: ${value}`);
        break;
      case 'volume-label':
        setOnMap(volumeOptions().labels, value);
        break;
      case 'volume-driver':
        volumeOptions().driver = value;
        break;
      case 'volume-opt':
        setOnMap((volumeOptions().options ??= {}), value);
        break;
      case 'image-subpath':
        (image ??= {}).subpath = value;
        break;
      case 'tmpfs-size':
        try {
          tmpfsOptions().size = parseRamInBytes(value);
        } catch {
          throw fail(`invalid value for ${key}: ${value}`);
        }
        break;
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(value) || parseInt(value, 8) > 0xffffffff)
          throw fail(`invalid value for ${key}: ${value}`);
        tmpfsOptions().mode = parseInt(value, 8);
        break;
      default:
        throw fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (type === '') throw fail('type is required');
  if (target === '') throw fail('target is required');
  if (volume && type !== 'volume') throw fail(`cannot mix 'volume-*' options with mount type '${type}'`);
  if (bindOpts && type !== 'bind') throw fail(`cannot mix 'bind-*' options with mount type '${type}'`);
  if (tmpfs && type !== 'tmpfs') throw fail(`cannot mix 'tmpfs-*' options with mount type '${type}'`);
  if (image && type !== 'image') throw fail(`cannot mix 'image-*' options with mount type '${type}'`);
  if (bindOpts?.readOnlyNonRecursive && !readOnly) {
    throw fail("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  }
  if (bindOpts?.readOnlyForceRecursive) {
    if (!readOnly) throw fail("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    if (bindOpts.propagation !== 'rprivate') {
      throw fail(
        "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction",
      );
    }
  }

  const mount: Json = { Type: type };
  if (source) mount.Source = source;
  mount.Target = target;
  if (readOnly) mount.ReadOnly = true;
  if (consistency) mount.Consistency = consistency;
  if (bindOpts) {
    const b: Json = {};
    if (bindOpts.propagation) b.Propagation = bindOpts.propagation;
    if (bindOpts.nonRecursive) b.NonRecursive = true;
    if (bindOpts.readOnlyNonRecursive) b.ReadOnlyNonRecursive = true;
    if (bindOpts.readOnlyForceRecursive) b.ReadOnlyForceRecursive = true;
    mount.BindOptions = b;
  }
  if (volume) {
    const v: Json = {};
    if (volume.noCopy) v.NoCopy = true;
    if (Object.keys(volume.labels).length > 0) v.Labels = sortedRecord(volume.labels);
    if (volume.subpath) v.Subpath = volume.subpath;
    const driver: Json = {};
    if (volume.driver) driver.Name = volume.driver;
    if (volume.options && Object.keys(volume.options).length > 0) driver.Options = sortedRecord(volume.options);
    v.DriverConfig = driver;
    mount.VolumeOptions = v;
  }
  if (image) mount.ImageOptions = image.subpath ? { Subpath: image.subpath } : {};
  if (tmpfs) {
    const t: Json = {};
    if (tmpfs.size) t.SizeBytes = tmpfs.size;
    if (tmpfs.mode) t.Mode = tmpfs.mode;
    mount.TmpfsOptions = t;
  }
  return mount;
}

/** The `--mount` flag's check as values are read: a bad one is a flag error (status 125). */
export function validateMount(text: string): string {
  parseMountSpec(text, '/');
  return text;
}
