// Finding the container an endpoint names (`/containers/{id}/…`): by full ID, exact name or unique
// ID prefix, with Docker's answers when that fails (`No such container: x`, 404).
import type { Container } from '../containers/container';
import { containersOf, type ContainerService } from '../containers/service';
import type { DaemonContext } from '../context';

export function findContainer(ctx: DaemonContext, nameOrId: string): { svc: ContainerService; container: Container } {
  const svc = containersOf(ctx);
  return { svc, container: svc.store.find(nameOrId) };
}
