// The order Go writes the fields of the structs an image config embeds: encoding/json follows the
// struct declaration, so a config the daemon writes (commit, build, import) has its keys in
// moby's `container.Config` and `image.History` order, and the same bytes — the same image ID —
// as Docker's.

/** moby's container.Config, in struct order. */
export const CONTAINER_CONFIG_ORDER: readonly string[] = [
  'Hostname',
  'Domainname',
  'User',
  'AttachStdin',
  'AttachStdout',
  'AttachStderr',
  'ExposedPorts',
  'Tty',
  'OpenStdin',
  'StdinOnce',
  'Env',
  'Cmd',
  'Healthcheck',
  'ArgsEscaped',
  'Image',
  'Volumes',
  'WorkingDir',
  'Entrypoint',
  'NetworkDisabled',
  'OnBuild',
  'Labels',
  'StopSignal',
  'StopTimeout',
  'Shell',
];

/** An image config's history entry, in struct order. */
export const HISTORY_ORDER: readonly string[] = ['created', 'created_by', 'author', 'comment', 'empty_layer'];
