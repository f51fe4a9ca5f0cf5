// The Go types the docker CLI 28 decodes inspect answers into (moby api/types), as far as
// templates need them: which fields exist, in which order, which are slices, maps or pointers,
// and which JSON leaves out when empty. Fields not described here are still reachable; they are
// read by their JSON shape (see go-typed.ts).
import { any, bool, field, int, map, ptr, slice, string, struct, time, type StructType } from './go-typed';

const omit = { omitempty: true };
const emptyStruct = struct('struct {}', []);

const healthConfig = struct('container.HealthConfig', [
  field('Test', slice(string), omit),
  field('Interval', int, omit),
  field('Timeout', int, omit),
  field('StartPeriod', int, omit),
  field('StartInterval', int, omit),
  field('Retries', int, omit),
]);

/** dockerspec.DockerOCIImageConfig: an image's runtime defaults (every field omitempty). */
export const imageConfigType = struct('dockerspec.DockerOCIImageConfig', [
  field(
    'ImageConfig',
    struct('v1.ImageConfig', [
      field('User', string, omit),
      field('ExposedPorts', map(emptyStruct, 'map[string]struct {}'), omit),
      field('Env', slice(string), omit),
      field('Entrypoint', slice(string), omit),
      field('Cmd', slice(string), omit),
      field('Volumes', map(emptyStruct, 'map[string]struct {}'), omit),
      field('WorkingDir', string, omit),
      field('Labels', map(string), omit),
      field('StopSignal', string, omit),
      field('ArgsEscaped', bool, omit),
    ]),
    { embedded: true },
  ),
  field(
    'DockerOCIImageConfigExt',
    struct('dockerspec.DockerOCIImageConfigExt', [
      field('Healthcheck', ptr(healthConfig), omit),
      field('OnBuild', slice(string), omit),
      field('Shell', slice(string), omit),
    ]),
    { embedded: true },
  ),
]);

const driverData = struct('storage.DriverData', [field('Data', map(string)), field('Name', string)]);

/** image.InspectResponse (`GET /images/{name}/json`). */
export const imageInspectType: StructType = struct('image.InspectResponse', [
  field('ID', string, { json: 'Id' }),
  field('RepoTags', slice(string)),
  field('RepoDigests', slice(string)),
  field('Parent', string),
  field('Comment', string),
  field('Created', string, omit),
  field('DockerVersion', string),
  field('Author', string),
  field('Config', ptr(imageConfigType), omit),
  field('Architecture', string),
  field('Variant', string, omit),
  field('Os', string),
  field('OsVersion', string, omit),
  field('Size', int),
  field('GraphDriver', driverData),
  field('RootFS', struct('image.RootFS', [field('Type', string), field('Layers', slice(string), omit)])),
  field('Metadata', struct('image.Metadata', [field('LastTagTime', time, omit)])),
  field('Descriptor', any, omit),
  field('Manifests', slice(any), omit),
]);

/** container.Config: a container's configuration. */
export const containerConfigType = struct('container.Config', [
  field('Hostname', string),
  field('Domainname', string),
  field('User', string),
  field('AttachStdin', bool),
  field('AttachStdout', bool),
  field('AttachStderr', bool),
  field('ExposedPorts', map(emptyStruct, 'nat.PortSet'), omit),
  field('Tty', bool),
  field('OpenStdin', bool),
  field('StdinOnce', bool),
  field('Env', slice(string)),
  field('Cmd', slice(string)),
  field('Healthcheck', ptr(healthConfig), omit),
  field('ArgsEscaped', bool, omit),
  field('Image', string),
  field('Volumes', map(emptyStruct, 'map[string]struct {}')),
  field('WorkingDir', string),
  field('Entrypoint', slice(string)),
  field('NetworkDisabled', bool, omit),
  field('MacAddress', string, omit),
  field('OnBuild', slice(string)),
  field('Labels', map(string)),
  field('StopSignal', string, omit),
  field('StopTimeout', any, omit),
  field('Shell', slice(string), omit),
]);

const health = struct('container.Health', [
  field('Status', string),
  field('FailingStreak', int),
  field('Log', slice(any)),
]);

const stateType = struct('container.State', [
  field('Status', string),
  field('Running', bool),
  field('Paused', bool),
  field('Restarting', bool),
  field('OOMKilled', bool),
  field('Dead', bool),
  field('Pid', int),
  field('ExitCode', int),
  field('Error', string),
  field('StartedAt', string),
  field('FinishedAt', string),
  field('Health', ptr(health), omit),
]);

const mountPoint = struct('container.MountPoint', [
  field('Type', string, omit),
  field('Name', string, omit),
  field('Source', string),
  field('Destination', string),
  field('Driver', string, omit),
  field('Mode', string),
  field('RW', bool),
  field('Propagation', string),
]);

/** container.InspectResponse (`GET /containers/{name}/json`). */
export const containerInspectType: StructType = struct('container.InspectResponse', [
  field(
    'ContainerJSONBase',
    struct('container.ContainerJSONBase', [
      field('ID', string, { json: 'Id' }),
      field('Created', string),
      field('Path', string),
      field('Args', slice(string)),
      field('State', ptr(stateType)),
      field('Image', string),
      field('ResolvConfPath', string),
      field('HostnamePath', string),
      field('HostsPath', string),
      field('LogPath', string),
      field('Node', any, omit),
      field('Name', string),
      field('RestartCount', int),
      field('Driver', string),
      field('Platform', string),
      field('MountLabel', string),
      field('ProcessLabel', string),
      field('AppArmorProfile', string),
      field('ExecIDs', slice(string)),
      field('HostConfig', any),
      field('GraphDriver', driverData),
      field('SizeRw', any, omit),
      field('SizeRootFs', any, omit),
    ]),
    { embedded: true },
  ),
  field('Mounts', slice(mountPoint)),
  field('Config', ptr(containerConfigType)),
  field('NetworkSettings', any),
  field('ImageManifestDescriptor', any, omit),
]);
