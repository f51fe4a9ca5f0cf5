// Distribution: how the daemon reaches registries — pull, push, login, search — over a Transport.
// The routes mount these on the Engine API; the actors use the generators directly to animate
// each layer's journey.
export { distributionRoutes } from './routes';
export { pullImage, type PullOptions } from './pull';
export { pullMessage, type PullEvent, type PullLayerState } from './pull-events';
export { pushImage, type PushOptions, type PushedTag } from './push';
export { pushMessages, type PushEvent, type PushLayerState } from './push-events';
export { login, type LoginResult } from './login';
export { searchImages, type SearchResult } from './search';
export { createHubIndex, searchHub } from '../../registry/hub-index';
export { decodeRegistryAuth, type AuthConfig } from './registry-auth';
export { encodeMessage, type JsonMessage } from './json-message';
export { hostTransport, noSuchHost, TransportError, type Transport } from './transport';
export { registryHostNames, registryHosts, type ServedRegistry } from './world-hosts';
export { registryEndpoint, DOCKER_HUB_INDEX_HOST, DOCKER_HUB_REGISTRY_HOST } from './endpoint';
