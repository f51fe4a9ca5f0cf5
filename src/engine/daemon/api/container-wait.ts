// `POST /containers/{id}/wait?condition=not-running|next-exit|removed` (swagger "ContainerWait").
// The headers go out at once — the docker CLI waits for them before it starts the container, so
// holding them back would hang `docker run` — and the body, `{"StatusCode":0}` (with
// `"Error":{"Message":…}` when the last start failed), follows when the condition is met. A client
// that hangs up first (the CLI after `docker run -d`) simply stops waiting.
import type { Bytes } from '../../bytes';
import { utf8 } from '../../bytes';
import { splitUrl } from '../../wire/message';
import { Channel } from '../containers/channel';
import { parseWaitCondition } from '../containers/wait';
import { findContainer } from './container-lookup';
import { streamResponse } from './responses';
import type { Route } from './route';

export const containerWaitRoute: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/wait$/,
  async handle(ctx, req, match) {
    const condition = parseWaitCondition(splitUrl(req.url).query.get('condition'));
    const { container } = findContainer(ctx, match[1]!);
    const { result, cancel } = container.waiters.wait(condition, container.state.running, () => container.waitResult());
    const body = new Channel<Bytes>();
    body.onCancel(cancel);
    void result.then((answer) => {
      body.push(
        utf8(JSON.stringify(answer.Error ? { Error: answer.Error, StatusCode: answer.StatusCode } : answer) + '\n'),
      );
      body.end();
    });
    return streamResponse(body);
  },
};
