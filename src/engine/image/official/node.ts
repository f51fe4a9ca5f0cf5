// node: Node.js, in two families. The default (`node:22`, `node:latest`) is built FROM
// buildpack-deps:bookworm — compilers included, so native npm modules build — and is over 1 GB;
// `node:22-alpine` is built FROM alpine:3.21 and is about 160 MB. Both add a `node` user (uid 1000),
// unpack Node.js into /usr/local, install yarn 1 under /opt, and start through a small
// docker-entrypoint.sh that runs `node` when the first argument is not a command.
// In early 2025, `latest` and `current` are Node 23; 22 is the LTS line ("jod", `lts`).
import { alpine321, alpinePasswd, alpineGroup, alpineSteps } from './alpine';
import type { ImageDefinition, LayerRecipe } from './assemble';
import { buildpackDepsSteps } from './buildpack-deps';
import { debianGroup, debianPasswd, shadowFor } from './debian';
import { DEFAULT_PATH, epochOf, hubAnnotations, step } from './history';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

export interface NodeRelease {
  version: string;
  major: string;
  npm: string;
  bookwormCreated: string;
  alpineCreated: string;
  /** Real size of the layer that unpacks Node.js, bytes (glibc build, musl build). */
  layerSize: { bookworm: number; alpine: number };
}

export const node22: NodeRelease = {
  version: '22.14.0',
  major: '22',
  npm: '10.9.2',
  bookwormCreated: '2025-02-12T00:24:41Z',
  alpineCreated: '2025-02-15T00:44:12Z',
  layerSize: { bookworm: 192_000_000, alpine: 147_000_000 },
};

export const node23: NodeRelease = {
  version: '23.8.0',
  major: '23',
  npm: '10.9.2',
  bookwormCreated: '2025-02-14T06:12:55Z',
  alpineCreated: '2025-02-15T00:58:31Z',
  layerSize: { bookworm: 203_000_000, alpine: 155_000_000 },
};

export const yarnVersion = '1.22.22';

// Same decision as the real script, in our words: node's flags and scripts go to node.
export const nodeEntrypoint = `#!/bin/sh
set -e

# Hand the arguments to node when the first one is an option ("-e", "--version"), is not a
# command on PATH, or is a file that cannot be executed (a script such as app.js).
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

function addNodeFiles(t: FileTree, r: NodeRelease): void {
  t.program('usr/local/bin/node', 'node', 110_000_000);
  t.symlink('usr/local/bin/nodejs', '/usr/local/bin/node');
  t.symlink('usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js');
  t.symlink('usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
  t.symlink('usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js');
  const npm = 'usr/local/lib/node_modules/npm';
  t.text(
    `${npm}/package.json`,
    `{\n  "name": "npm",\n  "version": "${r.npm}",\n  "bin": {\n    "npm": "bin/npm-cli.js",\n    "npx": "bin/npx-cli.js"\n  }\n}\n`,
  );
  t.text(`${npm}/bin/npm-cli.js`, "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n", { mode: 0o755 });
  t.text(
    `${npm}/bin/npx-cli.js`,
    "#!/usr/bin/env node\n// npx: run a package's binary\nrequire('../lib/cli.js')(process, 'exec')\n",
    { mode: 0o755 },
  );
  t.data(`${npm}/lib/npm-bundle.tgz`, 11_000_000);
  t.text(
    'usr/local/lib/node_modules/corepack/dist/corepack.js',
    "#!/usr/bin/env node\nrequire('./lib/corepack.cjs').runMain(process.argv.slice(2));\n",
    { mode: 0o755 },
  );
  t.data('usr/local/lib/node_modules/corepack/dist/lib/corepack.cjs.gz', 1_700_000);
  t.data('usr/local/include/node/headers.tar', 6_500_000);
  t.data('usr/local/share/doc/node/gdbinit', 100_000);
}

function nodeLayer(r: NodeRelease, flavour: 'bookworm' | 'alpine', created: string): LayerRecipe {
  return {
    key: `node-${r.version}-${flavour}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      if (flavour === 'alpine') {
        // One RUN adds the user, libstdc++ and Node.js, so the changed account files are in it too.
        const passwd = `${alpinePasswd}node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n`;
        t.text('etc/passwd', passwd).text('etc/group', `${alpineGroup}node:x:1000:node\n`);
        t.text('etc/shadow', shadowFor(passwd, 20134), { mode: 0o640, gid: 42 });
        t.dir('home/node', { mode: 0o2755, uid: 1000, gid: 1000 });
        t.library('usr/lib/libstdc++.so.6.0.33', 'libstdc++.so.6', 2_600_000).symlink(
          'usr/lib/libstdc++.so.6',
          'libstdc++.so.6.0.33',
        );
        t.library('usr/lib/libgcc_s.so.1', 'libgcc_s.so.1', 90_000);
      }
      addNodeFiles(t, r);
      t.dir('tmp', { mode: 0o1777 });
      return t.entries(Math.round(r.layerSize[flavour] / 1000));
    },
  };
}

function userLayer(created: string): LayerRecipe {
  return {
    key: `node-user-bookworm-${created}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      const passwd = `${debianPasswd}node:x:1000:1000::/home/node:/bin/bash\n`;
      t.text('etc/passwd', passwd).text('etc/group', `${debianGroup}node:x:1000:\n`);
      t.text('etc/shadow', shadowFor(passwd, 20131), { mode: 0o640, gid: 42 });
      t.dir('home/node', { mode: 0o755, uid: 1000, gid: 1000 });
      t.text(
        'home/node/.bashrc',
        '# ~/.bashrc: read by interactive bash shells\n[ -z "$PS1" ] && return\nHISTCONTROL=ignoreboth\n',
        { uid: 1000, gid: 1000 },
      );
      t.text(
        'home/node/.profile',
        '# ~/.profile: read by login shells\nif [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then\n  . "$HOME/.bashrc"\nfi\n',
        { uid: 1000, gid: 1000 },
      );
      return t.entries();
    },
  };
}

function yarnLayer(flavour: 'bookworm' | 'alpine', created: string): LayerRecipe {
  return {
    key: `yarn-${yarnVersion}-${flavour}-${created}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      const dir = `opt/yarn-v${yarnVersion}`;
      t.text(
        `${dir}/bin/yarn`,
        '#!/bin/sh\n# yarn launcher: run the bundled CLI with node\nexec node "$(dirname "$0")/yarn.js" "$@"\n',
        { mode: 0o755 },
      );
      t.text(`${dir}/bin/yarnpkg`, '#!/bin/sh\nexec "$(dirname "$0")/yarn" "$@"\n', { mode: 0o755 });
      t.text(`${dir}/bin/yarn.js`, "#!/usr/bin/env node\nrequire('../lib/cli.js');\n", { mode: 0o755 });
      t.text(`${dir}/package.json`, `{\n  "name": "yarn",\n  "version": "${yarnVersion}"\n}\n`);
      t.data(`${dir}/lib/cli.js.gz`, 5_300_000);
      t.symlink('usr/local/bin/yarn', `/${dir}/bin/yarn`).symlink('usr/local/bin/yarnpkg', `/${dir}/bin/yarnpkg`);
      t.dir('tmp', { mode: 0o1777 });
      return t.entries(5_300);
    },
  };
}

function entrypointLayer(created: string): LayerRecipe {
  return {
    key: `node-docker-entrypoint-${created}`,
    entries: (p) =>
      new FileTree(p, epochOf(created))
        .text('usr/local/bin/docker-entrypoint.sh', nodeEntrypoint, { mode: 0o755 })
        .entries(),
  };
}

const installNode = (libc: 'glibc' | 'musl') =>
  libc === 'glibc'
    ? `ARCH= && dpkgArch="$(dpkg --print-architecture)" && case "\${dpkgArch##*-}" in amd64) ARCH='x64';; arm64) ARCH='arm64';; *) echo "unsupported architecture"; exit 1 ;; esac && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" && ln -s /usr/local/bin/node /usr/local/bin/nodejs && node --version && npm --version && rm -rf /tmp/*`
    : `addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node && apk add --no-cache libstdc++ && apk add --no-cache --virtual .build-deps curl && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" && apk del .build-deps && ln -s /usr/local/bin/node /usr/local/bin/nodejs && node --version && npm --version && rm -rf /tmp/*`;

const installYarn = `set -ex && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" && mkdir -p /opt && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/ && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg && rm yarn-v$YARN_VERSION.tar.gz && yarn --version && rm -rf /tmp/*`;

function nodeConfig(r: NodeRelease) {
  return {
    Env: [`PATH=${DEFAULT_PATH}`, `NODE_VERSION=${r.version}`, `YARN_VERSION=${yarnVersion}`],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['node'],
    ArgsEscaped: true,
  };
}

export function nodeBookwormImage(r: NodeRelease): (p: TargetPlatform) => ImageDefinition {
  return (p) => {
    const c = r.bookwormCreated;
    return {
      created: c,
      steps: [
        ...buildpackDepsSteps(p),
        step.run(
          c,
          'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
          userLayer(c),
        ),
        step.env(c, 'NODE_VERSION', r.version),
        step.run(c, installNode('glibc'), nodeLayer(r, 'bookworm', c)),
        step.env(c, 'YARN_VERSION', yarnVersion),
        step.run(c, installYarn, yarnLayer('bookworm', c)),
        step.copy(c, 'docker-entrypoint.sh /usr/local/bin/', entrypointLayer(c)),
        step.entrypoint(c, ['docker-entrypoint.sh']),
        step.cmd(c, ['node']),
      ],
      config: nodeConfig(r),
      annotations: hubAnnotations('node', `${r.version}-bookworm`, c, p.bashbrew, 'buildpack-deps:bookworm'),
    };
  };
}

export function nodeAlpineImage(r: NodeRelease): (p: TargetPlatform) => ImageDefinition {
  return (p) => {
    const c = r.alpineCreated;
    return {
      created: c,
      steps: [
        ...alpineSteps(alpine321, p),
        step.env(c, 'NODE_VERSION', r.version),
        step.run(c, installNode('musl'), nodeLayer(r, 'alpine', c)),
        step.env(c, 'YARN_VERSION', yarnVersion),
        step.run(
          c,
          `apk add --no-cache --virtual .build-deps-yarn curl gnupg tar && ${installYarn} && apk del .build-deps-yarn`,
          yarnLayer('alpine', c),
        ),
        step.copy(c, 'docker-entrypoint.sh /usr/local/bin/', entrypointLayer(c)),
        step.entrypoint(c, ['docker-entrypoint.sh']),
        step.cmd(c, ['node']),
      ],
      config: nodeConfig(r),
      annotations: hubAnnotations(
        'node',
        `${r.version}-alpine${alpine321.branch}`,
        c,
        p.bashbrew,
        `alpine:${alpine321.branch}`,
      ),
    };
  };
}
