// python: CPython built from source into /usr/local. The default variant is built FROM
// buildpack-deps:bookworm (so `pip install` can compile C extensions; over 1 GB), the `-slim`
// variant FROM debian:bookworm-slim (about 125 MB, build tools removed again in the same RUN).
// Both end with a RUN that adds the unversioned names (`python`, `pip`, …) and `CMD ["python3"]`.
// In early 2025 `latest` is Python 3.13; 3.12 is the previous release line.
import type { ImageDefinition, LayerRecipe, Step } from './assemble';
import { buildpackDepsSteps } from './buildpack-deps';
import { debianSteps } from './debian';
import { DEFAULT_PATH, epochOf, hubAnnotations, step } from './history';
import type { TargetPlatform } from './platforms';
import { buildpackDepsPackages } from './buildpack-deps';
import { dpkgStatus } from './package-db';
import { pythonBookwormPackages } from './package-lists';
import { FileTree } from './tree';

export interface PythonRelease {
  version: string;
  minor: string;
  created: { bookworm: string; slim: string };
  /** Real size of the layer that builds and installs CPython, bytes. */
  layerSize: { bookworm: number; slim: number };
}

export const python313: PythonRelease = {
  version: '3.13.2',
  minor: '3.13',
  created: { bookworm: '2025-02-05T01:48:02Z', slim: '2025-02-05T01:02:37Z' },
  layerSize: { bookworm: 62_000_000, slim: 49_000_000 },
};

export const python312: PythonRelease = {
  version: '3.12.9',
  minor: '3.12',
  created: { bookworm: '2025-02-05T01:31:26Z', slim: '2025-02-05T00:55:14Z' },
  layerSize: { bookworm: 57_000_000, slim: 45_000_000 },
};

/** The release manager's key the tarball is verified with (3.12 and 3.13: Thomas Wouters). */
export const pythonGpgKey = '7169605F62C751356D054A26A821E680E5FA6305';
const pythonPath = `/usr/local/bin:${DEFAULT_PATH}`;

type Flavour = 'bookworm' | 'slim';

function depsLayer(flavour: Flavour, created: string): LayerRecipe {
  return {
    key: `python-deps-${flavour}-${created}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      if (flavour === 'bookworm') {
        t.library(`usr/lib/${p.triplet}/libtk8.6.so`, 'libtk8.6.so', 1_600_000);
        t.library(`usr/lib/${p.triplet}/libbluetooth.so.3.19.8`, 'libbluetooth.so.3', 150_000);
        t.data('usr/include/tk-and-x11-headers.tar', 8_000_000);
        t.text('var/lib/dpkg/status', dpkgStatus(p, [...buildpackDepsPackages, ...pythonBookwormPackages]));
        return t.entries(18_200);
      }
      t.data('etc/ssl/certs/ca-certificates.crt', 220_000);
      t.text(
        'etc/services',
        '# Network services, Internet style (excerpt)\nssh\t\t22/tcp\nhttp\t\t80/tcp\t\twww\nhttps\t\t443/tcp\n',
      );
      t.data('usr/share/zoneinfo/tzdata.zi.gz', 3_200_000);
      return t.entries(4_100);
    },
  };
}

function cpythonLayer(r: PythonRelease, flavour: Flavour, created: string): LayerRecipe {
  return {
    key: `cpython-${r.version}-${flavour}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      const bin = 'usr/local/bin';
      const lib = `usr/local/lib/python${r.minor}`;
      t.program(`${bin}/python${r.minor}`, `python${r.minor}`, 17_000);
      t.symlink(`${bin}/python3`, `python${r.minor}`);
      t.library(`usr/local/lib/libpython${r.minor}.so.1.0`, `libpython${r.minor}.so.1.0`, 28_000_000);
      t.symlink(`usr/local/lib/libpython${r.minor}.so`, `libpython${r.minor}.so.1.0`);
      const script = (module: string) =>
        `#!/usr/local/bin/python${r.minor}\n# launcher written by pip: run ${module}\nimport sys\nfrom ${module} import main\nif __name__ == "__main__":\n    sys.exit(main())\n`;
      t.text(`${bin}/pip${r.minor}`, script('pip._internal.cli.main'), { mode: 0o755 });
      t.text(`${bin}/pip3`, script('pip._internal.cli.main'), { mode: 0o755 });
      t.text(
        `${bin}/pydoc${r.minor}`,
        `#!/usr/local/bin/python${r.minor}\nimport pydoc\nif __name__ == "__main__":\n    pydoc.cli()\n`,
        { mode: 0o755 },
      );
      t.text(
        `${bin}/idle${r.minor}`,
        `#!/usr/local/bin/python${r.minor}\nfrom idlelib.pyshell import main\nif __name__ == "__main__":\n    main()\n`,
        { mode: 0o755 },
      );
      t.text(
        `${bin}/python${r.minor}-config`,
        `#!/bin/sh\n# Print the flags to build against this Python (stand-in).\necho "-I/usr/local/include/python${r.minor}"\n`,
        { mode: 0o755 },
      );
      t.symlink(`${bin}/pydoc3`, `pydoc${r.minor}`).symlink(`${bin}/idle3`, `idle${r.minor}`);
      t.symlink(`${bin}/python3-config`, `python${r.minor}-config`);
      t.text(
        `${lib}/os.py`,
        '"""OS routines for NT or Posix depending on what system we\'re on (stand-in)."""\nimport sys\n',
      );
      t.data(`${lib}/stdlib.zip`, 38_000_000);
      t.library(`${lib}/lib-dynload/_ssl.cpython-${r.minor.replace('.', '')}-${p.triplet}.so`, '_ssl', 800_000);
      t.data(`${lib}/site-packages/pip.zip`, 12_000_000);
      t.data(`usr/local/include/python${r.minor}/headers.tar`, 1_200_000);
      return t.entries(Math.round(r.layerSize[flavour] / 1000));
    },
  };
}

function linksLayer(r: PythonRelease, flavour: Flavour, created: string): LayerRecipe {
  return {
    key: `python-links-${r.version}-${flavour}`,
    entries: (p) => {
      const t = new FileTree(p, epochOf(created));
      for (const name of ['idle', 'pip', 'pydoc', 'python', 'python-config']) {
        const src = name === 'python-config' ? 'python3-config' : `${name}3`;
        t.symlink(`usr/local/bin/${name}`, src);
      }
      return t.entries();
    },
  };
}

export function pythonImage(r: PythonRelease, flavour: Flavour): (p: TargetPlatform) => ImageDefinition {
  return (p) => {
    const c = r.created[flavour];
    const base: Step[] = flavour === 'bookworm' ? buildpackDepsSteps(p) : debianSteps(true, p);
    const aptPackages = flavour === 'bookworm' ? 'libbluetooth-dev tk-dev uuid-dev' : 'ca-certificates netbase tzdata';
    return {
      created: c,
      steps: [
        ...base,
        step.env(c, 'PATH', pythonPath),
        step.env(c, 'LANG', 'C.UTF-8'),
        step.run(
          c,
          `set -eux; apt-get update; apt-get install -y --no-install-recommends ${aptPackages}; rm -rf /var/lib/apt/lists/*`,
          depsLayer(flavour, c),
        ),
        step.env(c, 'GPG_KEY', pythonGpgKey),
        step.env(c, 'PYTHON_VERSION', r.version),
        step.run(
          c,
          'set -eux; wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; ' +
            'mkdir -p /usr/src/python; tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; ' +
            'rm python.tar.xz; cd /usr/src/python; ./configure --enable-loadable-sqlite-extensions --enable-optimizations ' +
            '--enable-option-checking=fatal --enable-shared --with-ensurepip; make -j "$(nproc)"; make install; ' +
            'cd /; rm -rf /usr/src/python; ldconfig; python3 --version; pip3 --version',
          cpythonLayer(r, flavour, c),
        ),
        step.run(
          c,
          'set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst="$(echo "$src" | tr -d 3)"; ' +
            '[ -s "/usr/local/bin/$src" ]; [ ! -e "/usr/local/bin/$dst" ]; ln -svT "$src" "/usr/local/bin/$dst"; done',
          linksLayer(r, flavour, c),
        ),
        step.cmd(c, ['python3']),
      ],
      config: {
        Env: [`PATH=${pythonPath}`, 'LANG=C.UTF-8', `GPG_KEY=${pythonGpgKey}`, `PYTHON_VERSION=${r.version}`],
        Cmd: ['python3'],
        ArgsEscaped: true,
      },
      annotations: hubAnnotations(
        'python',
        flavour === 'bookworm' ? `${r.version}-bookworm` : `${r.version}-slim-bookworm`,
        c,
        p.bashbrew,
        flavour === 'bookworm' ? 'buildpack-deps:bookworm' : 'debian:bookworm-slim',
      ),
    };
  };
}
