// `POST /containers/create?name=web&platform=linux/amd64` → 201 `{"Id":"<64 hex>","Warnings":[]}`
// (swagger "ContainerCreate"). The body is the container Config with HostConfig and
// NetworkingConfig beside it (containers/create-body.ts); the image named in `Image` must be here —
// `404 No such image: alpine:latest` is what makes `docker run` pull it and try again.
import { readBody, splitUrl } from '../../wire/message';
import { createContainer } from '../containers/create';
import { decodeCreateBody } from '../containers/create-body';
import { containersOf } from '../containers/service';
import { jsonResponse } from './responses';
import type { Route } from './route';

export const containerCreateRoute: Route = {
  method: 'POST',
  pattern: /^\/containers\/create$/,
  async handle(ctx, req) {
    const { query } = splitUrl(req.url);
    const request = decodeCreateBody(await readBody(req.body));
    const name = query.get('name') ?? '';
    const platform = query.get('platform') ?? '';
    const { container, warnings } = await createContainer(containersOf(ctx), request, {
      ...(name !== '' ? { name } : {}),
      ...(platform !== '' ? { platform } : {}),
    });
    return jsonResponse(201, { Id: container.id, Warnings: warnings });
  },
};
