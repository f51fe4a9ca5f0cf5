// `docker create` on the daemon side (moby `containerCreate`), in Docker's order:
//
//   1. check the settings: nothing a `--network container:` mode cannot honour (`conflicting
//      options: …`), a restart policy Docker knows, not together with `--rm` (`can't create
//      'AutoRemove' container with restart policy`), an absolute working directory…
//   2. find the image as the user named it — missing is `404 No such image: alpine:latest`, which is
//      what makes the CLI pull it and try again;
//   3. lay the client's Config over the image's (./merge-config.ts): nothing to run is
//      `No command specified`;
//   4. check what it asks of the host — published ports (`invalid port specification: "99999"`),
//      its networks' endpoint settings, its mounts (../volumes/mount-spec.ts) — so that a bad
//      request makes nothing at all;
//   5. take the name (`--name`, checked and reserved) or generate one, draw the ID;
//   6. mount the container's filesystem: its own empty writable layer over the image's snapshot;
//      record its networks, create the volumes it names and its anonymous ones.
//
// The container is `created`: it has a filesystem and a name but no process; the `create` event is
// published. Warnings (a platform that does not match the host's) go back with the ID.
import { formatPlatform } from '../../image/platform';
import { DaemonError } from '../api/errors';
import { findImage } from '../api/image-lookup';
import { Container } from './container';
import { logContainerEvent } from './container-events';
import type { CreateRequest } from './create-body';
import { commandLine, mergeWithImage, verifyConfig } from './merge-config';
import { generateName, normaliseName } from './names';
import { checkContainerNetworkMode } from '../networks/container-mode';
import { validatePortBindings } from '../networks/ports';
import { networkModeOf } from './host-config';
import { isNoRestart } from './restart-policy';
import type { ContainerService } from './service';

export interface CreateResult {
  container: Container;
  warnings: string[];
}

export async function createContainer(
  svc: ContainerService,
  request: CreateRequest,
  options: { name?: string; platform?: string } = {},
): Promise<CreateResult> {
  const { config, hostConfig } = request;
  checkContainerNetworkMode(config, hostConfig); // as moby decodes the request
  if (hostConfig.AutoRemove && !isNoRestart(hostConfig.RestartPolicy)) {
    throw DaemonError.invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
  verifyConfig(config);
  const image = findImage(svc.ctx, config.Image);
  const warnings: string[] = [];
  const imagePlatform = { os: image.config.os, architecture: image.config.architecture, variant: image.config.variant };
  const host = svc.ctx.platform;
  const matches = imagePlatform.os === host.os && imagePlatform.architecture === host.architecture;
  if (options.platform) {
    const wanted = options.platform;
    if (wanted !== formatPlatform(imagePlatform) && wanted !== `${imagePlatform.os}/${imagePlatform.architecture}`) {
      throw DaemonError.notFound(
        `image with reference ${config.Image} was found but does not match the specified platform: wanted ${wanted}, actual: ${formatPlatform(imagePlatform)}`,
      );
    }
  } else if (!matches) {
    warnings.push(
      `The requested image's platform (${formatPlatform(imagePlatform)}) does not match the detected host platform (${formatPlatform(host)}) and no specific platform was requested`,
    );
  }
  const merged = mergeWithImage(config, image.config.config);
  const mode = networkModeOf(hostConfig);
  const bindings = validatePortBindings(hostConfig.raw.PortBindings);
  if (mode === 'host' && Object.keys(bindings).length > 0) {
    warnings.push('Published ports are discarded when using host network mode');
  }
  const networks = svc.networking.attachments.plan(hostConfig, request.networkingConfig);
  const mounts = svc.mounts.check(hostConfig.raw, merged.Volumes);
  const lower = await svc.ctx.store.snapshot(image.id);
  const name = options.name ? normaliseName(options.name) : undefined;
  const id = svc.ids.nextId();
  if (merged.Hostname === '') merged.Hostname = mode === 'host' ? svc.ctx.host.name : id.slice(0, 12);
  const fullName = name ?? generateName(svc.ids, id, (n) => svc.store.holderOf(n) !== undefined);
  if (name !== undefined) svc.store.reserveName(name, id);
  const { path, args } = commandLine(merged);
  const container = new Container({
    id,
    name: fullName,
    created: svc.now(),
    imageId: image.id,
    config: merged,
    hostConfig,
    networkingConfig: request.networkingConfig,
    path,
    args,
    image: lower,
    layerCount: image.layers.length,
    mountId: svc.ids.nextId(),
    now: () => svc.now(),
  });
  svc.store.add(container);
  svc.networking.attachments.record(container.id, networks);
  svc.mounts.attach(container.id, mounts);
  logContainerEvent(svc.ctx.events, container, 'create');
  return { container, warnings };
}
