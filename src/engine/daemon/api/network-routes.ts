// The network endpoints of the Engine API (swagger tag "Network"), as `docker network …` calls them:
//
//   GET    /networks?filters=…            ls        the networks (without their containers)
//   GET    /networks/{id}                 inspect   one network, with its containers' endpoints
//   POST   /networks/create               create    201 {"Id":"…","Warning":""}
//   POST   /networks/{id}/connect         connect   {"Container":"web","EndpointConfig":{"Aliases":[…]}}
//   POST   /networks/{id}/disconnect      disconnect {"Container":"web","Force":false}
//   DELETE /networks/{id}                 rm        204
//   POST   /networks/prune?filters=…      prune     {"NetworksDeleted":["n1"]}
//
// Fixed paths come before the `/networks/{id}` family.
import { splitUrl } from '../../wire/message';
import { containersOf } from '../containers/service';
import { FilterArgs } from '../filters';
import { networkingOf } from '../networks';
import { networkJson } from '../networks/network-json';
import type { NetworkCreateRequest } from '../networks/network-service';
import { parseFilterTime } from '../timestamps';
import { DaemonError } from './errors';
import { readJsonObject, stringMap } from './json-body';
import { emptyResponse, jsonResponse } from './responses';
import type { Route } from './route';

const bool = (v: unknown) => v === true;

function createRequest(body: Record<string, unknown>): NetworkCreateRequest {
  if (typeof body.Name !== 'string') {
    throw DaemonError.invalidParameter(
      'invalid JSON: json: cannot unmarshal into Go struct field CreateRequest.Name of type string',
    );
  }
  const ipam = body.IPAM as NetworkCreateRequest['IPAM'];
  const labels = stringMap(body.Labels, 'CreateRequest.Labels');
  const options = stringMap(body.Options, 'CreateRequest.Options');
  return {
    Name: body.Name,
    ...(typeof body.Driver === 'string' ? { Driver: body.Driver } : {}),
    Internal: bool(body.Internal),
    Attachable: bool(body.Attachable),
    Ingress: bool(body.Ingress),
    EnableIPv6: bool(body.EnableIPv6),
    ...(ipam && typeof ipam === 'object' ? { IPAM: ipam } : {}),
    ...(labels ? { Labels: labels } : {}),
    ...(options ? { Options: options } : {}),
  };
}

export const networkRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/networks$/,
    async handle(ctx, req) {
      const filters = FilterArgs.fromJson(splitUrl(req.url).query.get('filters'));
      return jsonResponse(
        200,
        networkingOf(ctx)
          .networks.list(filters)
          .map((n) => networkJson(n, false)),
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/networks\/create$/,
    async handle(ctx, req) {
      const body = await readJsonObject(req, 'network.CreateRequest');
      const network = networkingOf(ctx).networks.create(createRequest(body));
      return jsonResponse(201, { Id: network.id, Warning: '' });
    },
  },
  {
    method: 'POST',
    pattern: /^\/networks\/prune$/,
    async handle(ctx, req) {
      const filters = FilterArgs.fromJson(splitUrl(req.url).query.get('filters'));
      filters.validate(['until', 'label', 'label!']);
      const until = filters.get('until');
      let untilMs: number | undefined;
      if (until.length > 1) throw DaemonError.invalidParameter('more than one until filter specified');
      if (until.length === 1) {
        try {
          untilMs = parseFilterTime(until[0]!, ctx.now());
        } catch (err) {
          throw DaemonError.invalidParameter((err as Error).message);
        }
      }
      const deleted = networkingOf(ctx).networks.prune(filters, untilMs);
      return jsonResponse(200, { NetworksDeleted: deleted.length > 0 ? deleted : null });
    },
  },
  {
    method: 'GET',
    pattern: /^\/networks\/([^/]+)$/,
    async handle(ctx, req, match) {
      return jsonResponse(200, networkJson(networkingOf(ctx).networks.find(match[1]!), true));
    },
  },
  {
    method: 'POST',
    pattern: /^\/networks\/([^/]+)\/(connect|disconnect)$/,
    async handle(ctx, req, match) {
      const body = await readJsonObject(
        req,
        `network.${match[2] === 'connect' ? 'ConnectOptions' : 'DisconnectOptions'}`,
      );
      const networking = networkingOf(ctx);
      const network = networking.networks.find(match[1]!);
      const container = containersOf(ctx).store.find(typeof body.Container === 'string' ? body.Container : '');
      if (match[2] === 'connect') networking.attachments.connect(container, network, body.EndpointConfig);
      else networking.attachments.disconnect(container, network);
      return emptyResponse(200);
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/networks\/([^/]+)$/,
    async handle(ctx, _req, match) {
      networkingOf(ctx).networks.remove(match[1]!);
      return emptyResponse(204);
    },
  },
];
