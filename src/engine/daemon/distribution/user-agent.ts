// The User-Agent dockerd sends registries (moby `dockerversion.DockerUserAgent`): the engine, Go,
// commit, kernel, OS and architecture, then the client that asked, in parentheses with `(`, `)`,
// `;` and `\` escaped:
//
//   docker/28.2.2 go/go1.24.3 git-commit/45873be kernel/6.8.0-60-generic os/linux arch/amd64
//   UpstreamClient(Docker-Client/28.2.2 \(linux\))
import type { DaemonContext } from '../context';
import { ENGINE_GIT_COMMIT, ENGINE_VERSION, GO_VERSION } from '../version';

function escape(text: string): string {
  return text.replace(/[();\\]/g, (c) => `\\${c}`);
}

export function daemonUserAgent(ctx: DaemonContext, upstream?: string): string {
  const own = [
    `docker/${ENGINE_VERSION}`,
    `go/${GO_VERSION}`,
    `git-commit/${ENGINE_GIT_COMMIT}`,
    `kernel/${ctx.host.kernelVersion}`,
    `os/${ctx.platform.os}`,
    `arch/${ctx.platform.architecture}`,
  ].join(' ');
  return upstream ? `${own} UpstreamClient(${escape(upstream)})` : own;
}
