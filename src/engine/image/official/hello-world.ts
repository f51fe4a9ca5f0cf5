// hello-world: the smallest official image — one static program, `/hello`, that prints a message
// explaining what Docker just did, and exits 0. The real binary carries its message as a string;
// so does ours (the container runtime prints it when it runs the program named `hello`). The
// message names the architecture of the image that was pulled: `(amd64)` or `(arm64v8)`.
import type { ImageDefinition, LayerRecipe } from './assemble';
import { DEFAULT_PATH, epochOf, hubAnnotations, step } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

const created = '2023-05-04T17:37:03Z';

/** The text `docker run hello-world` prints, for the image's architecture. */
export function helloMessage(p: TargetPlatform): string {
  return `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (${p.bashbrew})
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;
}

const helloLayer: LayerRecipe = {
  key: 'hello-world',
  entries: (p) =>
    new FileTree(p, epochOf(created))
      .program('hello', 'hello', 13_256, { embedded: helloMessage(p), static: true })
      .entries(1_400),
};

export function helloWorldImage(p: TargetPlatform): ImageDefinition {
  return {
    created,
    steps: [step.copy(created, 'hello /', helloLayer), step.cmd(created, ['/hello'])],
    config: { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ['/hello'], WorkingDir: '/', ArgsEscaped: true },
    annotations: hubAnnotations('hello-world', 'linux', created, p.bashbrew),
  };
}
