// `docker context inspect [cloud]`: the stored context as the CLI shows it — its meta.json plus
// where it lives (`Storage`), or the current context when none is named. The default context is
// shown as kept "<IN MEMORY>".
import type { CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { DEFAULT_CONTEXT, endpointJson, type DockerContext } from '../../context/context-store';
import { goMarshal, parseOrdered } from '../../format/go-json';
import { inferred } from '../../format/go-typed';
import { inspectAll, type Inspected } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import { findContext } from './default-context';

async function inspected(cli: DockerCli, context: DockerContext): Promise<Inspected> {
  const stored = context.name !== DEFAULT_CONTEXT;
  const raw = goMarshal(
    {
      Name: context.name,
      Metadata: stored && context.description ? { Description: context.description } : {},
      Endpoints: { docker: endpointJson(context) },
      TLSMaterial: {},
      Storage: {
        MetadataPath: stored ? await cli.contexts.metaDir(context.name) : '<IN MEMORY>',
        TLSPath: stored ? await cli.contexts.tlsDir(context.name) : '<IN MEMORY>',
      },
    },
    { sortKeys: false },
  );
  return { raw, typed: inferred(parseOrdered(raw)) };
}

export function runContextInspect(cli: DockerCli, names: readonly string[], format: string): Promise<void> {
  const refs = names.length > 0 ? names : [cli.currentContext];
  return inspectAll(cli.out, refs, format, async (name) => inspected(cli, await findContext(cli, name)));
}

export function contextInspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
    short: 'Display detailed information on one or more contexts',
    flags: [inspectFormatFlag('f')],
    run: ({ cli, args, flags }) => runContextInspect(cli, args, flags.string('format')),
  };
}
