// The Node.js tools that are scripts run by node: npm (`/usr/local/bin/npm` → npm-cli.js), npx,
// yarn (yarn.js), corepack. `--version` answers from the package.json next to the script, as the
// real tools do. `npm start` / `npm run <script>` run the package's script through `sh -c`, after
// npm's `> name@version start` banner. Installing from the npm registry is not simulated.
import type { ProcessContext } from '../../contract';

export type Launcher = 'npm' | 'npx' | 'yarn' | 'corepack';

/** Which tool a script path is, if any. */
export function launcherOf(path: string): Launcher | undefined {
  if (/node_modules\/npm\/bin\/npm-cli\.js$/.test(path)) return 'npm';
  if (/node_modules\/npm\/bin\/npx-cli\.js$/.test(path)) return 'npx';
  if (/yarn[^/]*\/bin\/yarn\.js$/.test(path)) return 'yarn';
  if (/corepack\/dist\/corepack\.js$/.test(path)) return 'corepack';
  return undefined;
}

function packageVersion(ctx: ProcessContext, script: string): string | undefined {
  const root = script.replace(/\/(bin|dist)\/[^/]+$/, '');
  try {
    return (JSON.parse(ctx.fs.readText(`${root}/package.json`)) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function readPackage(
  ctx: ProcessContext,
):
  | { name?: string; version?: string; scripts?: Record<string, string>; dependencies?: Record<string, string> }
  | undefined {
  try {
    return JSON.parse(ctx.fs.readText(`${ctx.cwd.replace(/\/$/, '')}/package.json`)) as never;
  } catch {
    return undefined;
  }
}

async function npmRun(ctx: ProcessContext, script: string, extra: string[]): Promise<number> {
  const pkg = readPackage(ctx);
  const dir = ctx.cwd.replace(/\/$/, '') || '/';
  if (!pkg) {
    ctx.stderr.write(
      `npm error code ENOENT\nnpm error syscall open\nnpm error path ${dir}/package.json\n` +
        `npm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${dir}/package.json'\n` +
        `npm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n`,
    );
    return 254;
  }
  const command = pkg.scripts?.[script] ?? (script === 'start' ? 'node server.js' : undefined);
  if (command === undefined) {
    ctx.stderr.write(
      `npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n`,
    );
    return 1;
  }
  const full = [command, ...extra].join(' ');
  ctx.stdout.write(`\n> ${pkg.name ?? ''}${pkg.version ? `@${pkg.version}` : ''} ${script}\n> ${full}\n\n`);
  const env = new Map(ctx.env);
  env.set('PATH', `${dir}/node_modules/.bin:${env.get('PATH') ?? ''}`);
  return ctx.spawn(['sh', '-c', full], { env, cwd: ctx.cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr });
}

export async function runLauncher(
  ctx: ProcessContext,
  tool: Launcher,
  script: string,
  args: string[],
): Promise<number> {
  const version = packageVersion(ctx, script);
  if ((args[0] === '--version' || args[0] === '-v') && version) {
    ctx.stdout.write(`${version}\n`);
    return 0;
  }
  if (tool === 'npm' && (args[0] === 'start' || args[0] === 'test')) return npmRun(ctx, args[0], args.slice(1));
  if (tool === 'npm' && (args[0] === 'run' || args[0] === 'run-script') && args[1])
    return npmRun(ctx, args[1], args.slice(2));
  if (tool === 'npm' && (args[0] === 'install' || args[0] === 'i' || args[0] === 'ci') && args.length === 1) {
    const pkg = readPackage(ctx);
    if (pkg && Object.keys(pkg.dependencies ?? {}).length === 0) {
      ctx.stdout.write('\nup to date, audited 1 package in 312ms\n\nfound 0 vulnerabilities\n');
      return 0;
    }
  }
  ctx.stderr.write(
    `${tool}: \`${[tool, ...args].join(' ')}\` needs the ${tool === 'yarn' ? 'yarn' : 'npm'} registry, which Dockyard does not simulate\n`,
  );
  return 1;
}
