// The Go types the docker CLI 28 decodes `GET /networks/{id}` and `GET /volumes/{name}` into
// (moby `api/types/network.Inspect`, `volume.Volume`), so that `--format` templates print what the
// real CLI prints: `{{.IPAM.Config}}` is `[{172.18.0.0/16  172.18.0.1 map[]}]` (the empty IPRange
// and AuxAddress included), `{{.Created}}` a Go time, a volume's missing `{{.UsageData}}` `<nil>`.
import { any, bool, field, int, map, ptr, slice, string, struct, time, type StructType } from '../../format/go-typed';

const omit = { omitempty: true };

const ipamConfig = struct('network.IPAMConfig', [
  field('Subnet', string, omit),
  field('IPRange', string, omit),
  field('Gateway', string, omit),
  field('AuxAddress', map(string), { json: 'AuxiliaryAddresses', omitempty: true }),
]);

const endpointResource = struct('network.EndpointResource', [
  field('Name', string),
  field('EndpointID', string),
  field('MacAddress', string),
  field('IPv4Address', string),
  field('IPv6Address', string),
]);

/** network.Inspect */
export const networkInspectType: StructType = struct('network.Inspect', [
  field('Name', string),
  field('ID', string, { json: 'Id' }),
  field('Created', time),
  field('Scope', string),
  field('Driver', string),
  field('EnableIPv4', bool),
  field('EnableIPv6', bool),
  field(
    'IPAM',
    struct('network.IPAM', [
      field('Driver', string),
      field('Options', map(string)),
      field('Config', slice(ipamConfig)),
    ]),
  ),
  field('Internal', bool),
  field('Attachable', bool),
  field('Ingress', bool),
  field('ConfigFrom', struct('network.ConfigReference', [field('Network', string)])),
  field('ConfigOnly', bool),
  field('Containers', map(endpointResource, 'map[string]network.EndpointResource')),
  field('Options', map(string)),
  field('Labels', map(string)),
  field('Peers', slice(any), omit),
  field('Services', map(any), omit),
]);

const usageData = struct('volume.UsageData', [field('RefCount', int), field('Size', int)]);

/** volume.Volume */
export const volumeInspectType: StructType = struct('volume.Volume', [
  field('ClusterVolume', ptr(struct('volume.ClusterVolume', [])), omit),
  field('CreatedAt', string, omit),
  field('Driver', string),
  field('Labels', map(string)),
  field('Mountpoint', string),
  field('Name', string),
  field('Options', map(string)),
  field('Scope', string),
  field('Status', map(any), omit),
  field('UsageData', ptr(usageData), omit),
]);
