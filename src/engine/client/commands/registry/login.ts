// `docker login registry.example.com`: the client sends the credentials to its daemon
// (`POST /auth`), the daemon tries them on the registry, and on success the client keeps them in
// its config.json — base64, not encrypted, which it says once when the file changes:
//
//   WARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.
//   Configure a credential helper to remove this warning. See
//   https://docs.docker.com/go/credential-store/
//
//   Login Succeeded
//
// Without a registry it is Docker Hub (`https://index.docker.io/v1/`). Without a username or
// password it asks for them on a terminal, and refuses anywhere else.
import { maxArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { readAllText } from '../../cli/streams';
import { INDEX_SERVER, type AuthConfig } from '../../config/config-file';
import { authJson } from '../shared/registry-auth';
import { readLine } from '../shared/prompt';

export interface LoginOptions {
  server: string;
  username: string;
  password: string;
  passwordStdin: boolean;
}

const unencryptedWarning = (file: string) =>
  `\nWARNING! Your credentials are stored unencrypted in '${file}'.\n` +
  'Configure a credential helper to remove this warning. See\n' +
  'https://docs.docker.com/go/credential-store/\n\n';

async function credentials(cli: DockerCli, options: LoginOptions, server: string): Promise<AuthConfig> {
  let { username, password } = options;
  if (password !== '') {
    cli.err.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (options.passwordStdin)
      throw new Error('conflicting options: cannot specify both --password and --password-stdin');
  }
  if (options.passwordStdin) {
    if (username === '') throw new Error('the --password-stdin option requires --username to be set');
    password = (await readAllText(cli.in)).replace(/\n$/, '').replace(/\r$/, '');
  }
  if (username === '' || password === '') {
    if (!cli.in.isTerminal) throw new Error('Error: Cannot perform an interactive login from a non TTY device');
    const stored = (await cli.config()).credentials(server);
    if (username === '') {
      cli.out.write(stored?.username ? `Username (${stored.username}): ` : 'Username: ');
      username = (await readLine(cli.in)).trim() || stored?.username || '';
      if (username === '') throw new Error('Error: Non-null Username Required');
    }
    if (password === '') {
      cli.out.write('Password: ');
      password = await readLine(cli.in);
      cli.out.write('\n');
      if (password === '') throw new Error('Error: Password Required');
    }
  }
  return { username, password, serveraddress: server };
}

export async function runLogin(cli: DockerCli, options: LoginOptions): Promise<void> {
  const server = options.server !== '' && options.server !== 'docker.io' ? options.server : INDEX_SERVER;
  const auth = await credentials(cli, options, server);
  const answer = await cli.api.json<{ Status?: string; IdentityToken?: string }>('POST', '/auth', {
    body: new TextEncoder().encode(authJson(auth) + '\n'),
    headers: { 'Content-Type': 'application/json' },
  });
  const toStore: AuthConfig = answer?.IdentityToken
    ? { username: auth.username, password: '', serveraddress: server, identitytoken: answer.IdentityToken }
    : auth;
  const config = await cli.config();
  if (await config.store(toStore)) cli.err.write(unencryptedWarning(config.filename));
  if (answer?.Status) cli.out.write(answer.Status + '\n');
}

export function loginCommand(): CommandSpec {
  return {
    name: 'login',
    use: 'login [OPTIONS] [SERVER]',
    short: 'Authenticate to a registry',
    long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
    top: 8,
    args: maxArgs(1),
    flags: [
      string('password', 'p', 'Password or Personal Access Token (PAT)'),
      bool('password-stdin', '', 'Take the Password or Personal Access Token (PAT) from stdin'),
      string('username', 'u', 'Username'),
    ],
    run: ({ cli, args, flags }) =>
      runLogin(cli, {
        server: args[0] ?? '',
        username: flags.string('username'),
        password: flags.string('password'),
        passwordStdin: flags.bool('password-stdin'),
      }),
  };
}
