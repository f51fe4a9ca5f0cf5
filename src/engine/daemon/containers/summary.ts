// One row of `GET /containers/json` — what `docker ps` prints (moby `container.Summary`): the ID,
// names with their slash, the image as the user named it (or its ID, once that name points at
// another image or none), the command line as one string, created in Unix seconds, exposed ports,
// labels, the state and the STATUS text computed from the clock, the network mode and endpoints,
// the published ports (`docker ps` PORTS) and the mounts.
// With `size=1`, SizeRw and SizeRootFs.
import type { Container } from './container';
import { networkModeOf } from './host-config';
import { commandText } from './merge-config';
import { networksOf, portList } from './network-settings';
import { mountsJson } from '../volumes/volume-json';
import { sortedMap } from '../api/responses';
import type { ContainerService } from './service';
import { sizeRootFs, sizeRw } from './sizes';
import { statusText } from './state';

/** What a name resolves to now, remembered for one listing (a thousand containers of `nginx`). */
export type ImageNames = Map<string, string | undefined>;

/** The image column: as typed, unless that name now means another image (or nothing). */
function imageColumn(svc: ContainerService, container: Container, names: ImageNames): string {
  const typed = container.config.Image;
  if (typed === container.imageId) return typed;
  if (!names.has(typed)) {
    let id: string | undefined;
    try {
      id = svc.ctx.store.resolve(typed)?.id;
    } catch {
      id = undefined;
    }
    names.set(typed, id);
  }
  return names.get(typed) === container.imageId ? typed : container.imageId;
}

export function containerSummary(
  svc: ContainerService,
  container: Container,
  withSize: boolean,
  names: ImageNames = new Map(),
): Record<string, unknown> {
  const Id = container.id;
  const Names = [container.name];
  const Image = imageColumn(svc, container, names);
  const ImageID = container.imageId;
  const Command = commandText(container.path, container.args);
  const Created = Math.floor(container.created / 1000);
  const Ports = portList(svc, container);
  const Labels = sortedMap(container.config.Labels);
  const State = container.status;
  const Status = statusText(container.state, svc.now(), container.health);
  const HostConfig = { NetworkMode: networkModeOf(container.hostConfig) };
  const NetworkSettings = { Networks: networksOf(svc, container) };
  const listed = svc.mounts.of(container.id);
  const Mounts = listed.length === 0 ? [] : mountsJson(listed);
  // Written out whole, in Go's field order, rather than assembled: every row then has one of two
  // shapes, which the JS engine stringifies fastest (a thousand rows for a classroom's `docker ps`).
  if (!withSize) {
    return {
      Id,
      Names,
      Image,
      ImageID,
      Command,
      Created,
      Ports,
      Labels,
      State,
      Status,
      HostConfig,
      NetworkSettings,
      Mounts,
    };
  }
  const SizeRw = sizeRw(container);
  const SizeRootFs = sizeRootFs(container, svc.ctx.store);
  return {
    Id,
    Names,
    Image,
    ImageID,
    Command,
    Created,
    Ports,
    SizeRw,
    SizeRootFs,
    Labels,
    State,
    Status,
    HostConfig,
    NetworkSettings,
    Mounts,
  };
}
