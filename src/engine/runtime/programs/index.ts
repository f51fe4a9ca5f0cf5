// The programs of the official images and of the packages students install, registered under the
// names their executables' markers carry (see ../programs.ts and ../README.md). Importing this
// module registers them all; ../index.ts imports it, so the runtime knows them.
//
//   hello                          hello-world's /hello
//   nginx, nginx-debug             nginx (./nginx)         httpd           Apache (./httpd)
//   redis-server, redis-cli        Redis (./redis)         gosu            the images' setuid+exec
//   node                           miniature Node.js       python3.1x      miniature Python
//   apk / apt-get, apt / dpkg      the package managers (../packages)
//   git, jq, make, gcc, g++, file, tree   tools those packages install (./tools)
import { registerProgram } from '../programs';
import { apk } from '../packages/apk';
import { aptGet } from '../packages/apt-get';
import { dpkg } from '../packages/dpkg';
import { gosu } from './gosu';
import { hello } from './hello';
import { httpd } from './httpd/httpd';
import { nginx } from './nginx/nginx';
import { node } from './node/node';
import { pythonFor } from './python/python';
import { redisCli } from './redis/cli';
import { redisServer } from './redis/server';
import { file } from './tools/file';
import { gcc } from './tools/gcc';
import { git } from './tools/git';
import { jq } from './tools/jq';
import { make } from './tools/make';
import { tree } from './tools/tree';

registerProgram('hello', hello);
registerProgram('nginx', nginx);
registerProgram('nginx-debug', nginx);
registerProgram('httpd', httpd);
registerProgram('redis-server', redisServer);
registerProgram('redis-cli', redisCli);
registerProgram('gosu', gosu);
registerProgram('node', node);
for (const minor of ['3.11', '3.12', '3.13']) registerProgram(`python${minor}`, pythonFor(minor));
registerProgram('apk', apk);
registerProgram('apt-get', aptGet);
registerProgram('apt', aptGet);
registerProgram('dpkg', dpkg);
registerProgram('dpkg-query', dpkg);
registerProgram('git', git);
registerProgram('jq', jq);
registerProgram('make', make);
registerProgram('gcc', gcc);
registerProgram('g++', gcc);
registerProgram('file', file);
registerProgram('tree', tree);
