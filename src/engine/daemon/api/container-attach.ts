// `POST /containers/{id}/attach?stream=1&stdin=1&stdout=1&stderr=1&logs=1` (swagger
// "ContainerAttach"): hijack the connection (api/container-hijack.ts) and join the container's
// stdio — first, with `logs=1`, what it has already written; then, with `stream=1`, its output as
// it comes, until its main process ends (`docker run` attaches before it starts the container and
// so gets the next run's output); and with `stdin=1`, the client's bytes into the container's stdin,
// if it keeps one open (`-i`). With `StdinOnce` (`docker run -i`), the end of the client's input
// closes the container's stdin.
import type { Bytes } from '../../bytes';
import { splitUrl } from '../../wire/message';
import { Channel } from '../containers/channel';
import { logContainerEvent } from '../containers/container-events';
import { frame } from '../containers/stdcopy';
import { checkMove } from '../containers/transitions';
import { hijackedResponse, pumpStdin, streamInto } from './container-hijack';
import { findContainer } from './container-lookup';
import { boolParam } from './responses';
import type { Route } from './route';

export const containerAttachRoute: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/attach$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    const { svc, container } = findContainer(ctx, match[1]!);
    checkMove('attach', container.status, container.subject(match[1]!));
    const want = {
      stdin: boolParam(query, 'stdin'),
      stdout: boolParam(query, 'stdout'),
      stderr: boolParam(query, 'stderr'),
    };
    const tty = container.config.Tty;
    const body = new Channel<Bytes>();
    if (boolParam(query, 'logs')) {
      for (const entry of container.logs.entries()) {
        if (!want[entry.stream]) continue;
        body.push(tty ? entry.line : frame(entry.stream, entry.line));
      }
    }
    logContainerEvent(svc.ctx.events, container, 'attach');
    if (!boolParam(query, 'stream')) {
      body.end();
      return hijackedResponse(req, body, !tty);
    }
    const sink = streamInto(body, tty);
    const detach = container.output.attach({
      data: (stream, bytes) => {
        if (want[stream]) sink.data(stream, bytes);
      },
      end: () => sink.end(),
    });
    body.onCancel(detach);
    const stdin = container.stdin;
    if (want.stdin && container.config.OpenStdin) {
      void pumpStdin(req.upgrade, (data) => container.stdin?.write(data), {
        tty,
        onEnd: () => {
          if (container.config.StdinOnce && !tty) container.stdin?.close();
        },
        onDetach: () => {
          detach();
          body.end();
          logContainerEvent(svc.ctx.events, container, 'detach');
        },
      }).catch(() => stdin?.close());
    }
    return hijackedResponse(req, body, !tty);
  },
};
