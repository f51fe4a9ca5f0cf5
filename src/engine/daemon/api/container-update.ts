// `POST /containers/{id}/update` — `docker update` (swagger "ContainerUpdate", moby
// postContainerUpdate): a JSON UpdateConfig in, `{"Warnings":null}` out (containers/update.ts).
// An empty body is an empty update, as Go's ReadJSON allows.
import { fromUtf8 } from '../../bytes';
import { readBody } from '../../wire/message';
import { containersOf } from '../containers/service';
import { updateContainer } from '../containers/update';
import { decodeUpdateBody } from '../containers/update-body';
import { readJsonObject } from './json-body';
import { jsonResponse } from './responses';
import type { Route } from './route';

export const containerUpdateRoute: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/update$/,
  async handle(ctx, req, match) {
    const bytes = await readBody(req.body);
    // Go decodes a JSON `null` into a struct as "nothing given".
    const body =
      fromUtf8(bytes).trim() === 'null'
        ? {}
        : await readJsonObject({ ...req, body: bytes }, 'container.UpdateConfig', true);
    const request = decodeUpdateBody(body);
    return jsonResponse(200, updateContainer(containersOf(ctx), match[1]!, request));
  },
};
