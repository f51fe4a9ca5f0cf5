// Runs in real Chromium: a classic build — RUN in the simulated runtime, COPY, metadata steps —
// gives the very image the Node tests pin in testdata/build-fresh.cli.golden, byte for byte, with
// WebCrypto hashing and no Node built-in anywhere on the way.
import { expect, it } from 'vitest';
import { buildDaemon } from './build.fixture';

it('builds the greeter image with the same ID as in Node, then again from the cache', async () => {
  const d = await buildDaemon();
  const app = {
    Dockerfile: `FROM alpine
WORKDIR /app
COPY greet.sh .
RUN chmod +x greet.sh && ./greet.sh builder
ENV GREETING=hello
CMD ["./greet.sh", "world"]
`,
    'greet.sh': '#!/bin/sh\necho "hello, $1"\n',
  };
  const fresh = await d.build(app, 't=greeter&t=greeter:1.0');
  expect(fresh.cli).toContain('hello, builder\n');
  expect(fresh.id).toBe('sha256:1cbdc96b98afbf854a501957fb4e40b2bce670fbc0735356914716871229dab7');
  const cached = await d.build(app, 't=greeter');
  expect(cached.cli.match(/ ---> Using cache\n/g)).toHaveLength(5);
}, 120_000);
