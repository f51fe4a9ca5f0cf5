// Every applet, and the programs that run them: BusyBox (one binary, every applet), the GNU
// programs of Debian and Ubuntu (`/usr/bin/ls`, `/usr/bin/cat`…), and the shells — BusyBox's
// `sh`/`ash`, Debian's `dash` (its /bin/sh) and `bash`. Importing this module registers them all.

import { registerProgram } from '../programs';
import { shellProgram } from '../shell/main';
import { registerApplet, registerUserlandPrograms } from './registry';
import './cat';
import './copy';
import './date';
import './disk';
import './echo';
import './files';
import './find';
import './grep';
import './identity';
import './ls';
import './misc';
import './net';
import './proc';
import './sed';
import './sort';
import './test';
import './text';

const ash = shellProgram('ash');
registerApplet(['sh', 'ash'], (tool) => ash(tool.ctx));
registerProgram('dash', shellProgram('dash'));
registerProgram('bash', shellProgram('bash'));

/** GNU programs (see src/engine/image/official/gnu-userland.ts) simulated by the applets. */
const GNU_PROGRAMS = [
  'cat',
  'chgrp',
  'chmod',
  'chown',
  'cp',
  'date',
  'df',
  'dirname',
  'basename',
  'du',
  'echo',
  'env',
  'false',
  'head',
  'hostname',
  'id',
  'kill',
  'ln',
  'ls',
  'mkdir',
  'mktemp',
  'mv',
  'nproc',
  'printenv',
  'printf',
  'pwd',
  'readlink',
  'realpath',
  'rm',
  'rmdir',
  'seq',
  'sleep',
  'sort',
  'stat',
  'tail',
  'tee',
  'test',
  'touch',
  'tr',
  'true',
  'uname',
  'uniq',
  'wc',
  'whoami',
  'xargs',
  'yes',
  'cut',
  'find',
  'grep',
  'sed',
  'mount',
  'ps',
  'uptime',
  'free',
  'which',
  'curl',
  'wget',
  'ip',
];

registerUserlandPrograms(GNU_PROGRAMS);
