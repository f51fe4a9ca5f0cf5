// COPY and ADD: sources, destination and their flags (BuildKit `instructions/parse.go`).
//
//   COPY [--from=build] [--chown=app:app] [--chmod=0755] [--link] <src>… <dest>
//   ADD  [--chown] [--chmod] [--link] [--keep-git-dir] [--checksum=sha256:…] [--unpack] <src>… <dest>
//
// The last argument is the destination, the rest are sources. A source written as a heredoc marker
// (`COPY <<EOF /etc/motd`) becomes an inline file whose contents are the heredoc body; the
// destination cannot be one. `--exclude` and `--parents` exist only in BuildKit's "labs" channel,
// so like the classic builder we treat them as unknown flags.
import { chompHeredocContent, parseHeredocMarker } from '../parser/heredoc';
import type { AddCommand, CopyCommand, SourceContent, SourcesAndDest } from './commands';
import { commandBase, errBadHeredoc, errNoDestinationArgument, type ParseRequest } from './request';

function sourcesAndDest(req: ParseRequest, command: string): SourcesAndDest {
  const sources = req.args.slice(0, -1);
  const destPath = req.args[req.args.length - 1]!;
  if (parseHeredocMarker(destPath)) throw errBadHeredoc(command, 'a destination');
  const sourcePaths: string[] = [];
  const sourceContents: SourceContent[] = [];
  for (const source of sources) {
    const heredoc = parseHeredocMarker(source);
    if (!heredoc) {
      sourcePaths.push(source);
      continue;
    }
    const body = [...req.heredocs].reverse().find((h) => h.name === heredoc.name)?.content ?? '';
    sourceContents.push({
      path: heredoc.name,
      data: heredoc.chomp ? chompHeredocContent(body) : body,
      expand: heredoc.expand,
    });
  }
  return { sourcePaths, sourceContents, destPath };
}

export function parseAdd(req: ParseRequest): AddCommand {
  if (req.args.length < 2) throw errNoDestinationArgument('ADD');
  const flags = req.flags
    .addString('chown')
    .addString('chmod')
    .addBool('link')
    .addBool('keep-git-dir')
    .addString('checksum')
    .addBool('unpack')
    .parse();
  return {
    ...commandBase(req),
    kind: 'add',
    ...sourcesAndDest(req, 'ADD'),
    chown: flags.string('chown'),
    chmod: flags.string('chmod'),
    link: flags.bool('link'),
    keepGitDir: flags.bool('keep-git-dir'),
    checksum: flags.string('checksum'),
    ...(flags.isUsed('unpack') ? { unpack: flags.bool('unpack') } : {}),
  };
}

export function parseCopy(req: ParseRequest): CopyCommand {
  if (req.args.length < 2) throw errNoDestinationArgument('COPY');
  const flags = req.flags.addString('chown').addString('from').addString('chmod').addBool('link').parse();
  return {
    ...commandBase(req),
    kind: 'copy',
    ...sourcesAndDest(req, 'COPY'),
    from: flags.string('from'),
    chown: flags.string('chown'),
    chmod: flags.string('chmod'),
    link: flags.bool('link'),
  };
}
