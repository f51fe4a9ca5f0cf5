// One instruction of a stage (moby `evaluator.go` dispatch). Before it runs, its words are expanded
// with the stage's ENV and the build args in scope (`COPY app-${VERSION}.tar /opt/` — see the
// dockerfile module's expand.ts for which instructions expand); after it, the step containers are
// removed as `rm`/`forcerm` say. Then the instruction's own dispatcher does the work.
import type { Command } from '../../dockerfile';
import { envFromList, expandCommand, expandExposePorts, expanderFor, supportsExpansion } from '../../dockerfile';
import { dispatchCopy } from './dispatch-copy';
import { dispatchMetadata } from './dispatch-metadata';
import { dispatchRun } from './dispatch-run';
import type { BuildSession } from './session';
import type { DispatchState } from './state';

export async function dispatch(b: BuildSession, s: DispatchState, command: Command): Promise<void> {
  const env = s.runConfig.Env ?? [];
  const envs = envFromList([...env, ...s.buildArgs.filterAllowed(env)]);
  let c = command;
  if (supportsExpansion(c.kind)) c = expandCommand(c, expanderFor(b.lex, envs));
  if (c.kind === 'expose') c = { ...c, ports: expandExposePorts(c.ports, b.lex, envs) };
  let ok = false;
  try {
    if (c.kind === 'run') await dispatchRun(b, s, c);
    else if (c.kind === 'copy' || c.kind === 'add') await dispatchCopy(b, s, c);
    else if (!(await dispatchMetadata(b, s, c))) throw new Error(`unsupported command type: ${c.kind}`);
    ok = true;
  } finally {
    if (b.options.forceRemove || (b.options.remove && ok)) await b.containers.removeAll();
  }
}
