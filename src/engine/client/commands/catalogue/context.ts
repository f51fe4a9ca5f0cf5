// `docker context export`, `import` and `update`, with the real CLI's help and flags. The other
// context subcommands are real (../context/); these three are not simulated yet.
import type { CommandSpec } from '../../cli/command';
import { string, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function contextCatalogue(): CommandSpec[] {
  return notSimulated([
    {
      name: 'export',
      use: 'export [OPTIONS] CONTEXT [FILE|-]',
      short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
    },
    {
      name: 'import',
      use: 'import CONTEXT FILE|-',
      short: 'Import a context from a tar or zip file',
    },
    {
      name: 'update',
      use: 'update [OPTIONS] CONTEXT',
      short: 'Update a context',
      long: 'Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
      flags: [
        string('description', '', 'Description of the context'),
        value('stringToString', 'docker', '', 'set the docker endpoint', { default: '[]' }),
      ],
    },
  ]);
}
