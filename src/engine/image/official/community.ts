// Community images: repositories on the hub that belong to users rather than to Docker's official
// `library/`. They show students what most of the hub is — someone's image built FROM an official
// one, sharing all of its layers and adding one of its own — and that a namespace (`acme/…`) is
// owned by an account. The `acme` account publishes two, built with BuildKit in late February 2025 —
// before the simulated world starts (2025-03-01 09:00 UTC), so `docker history` and `docker images`
// show them days old, like every image of the catalogue.
import type { ImageDefinition, LayerRecipe } from './assemble';
import { epochOf, step } from './history';
import { nginxAlpineImage } from './nginx';
import { node22, nodeAlpineImage } from './node';
import type { TargetPlatform } from './platforms';
import { FileTree } from './tree';

const websiteCreated = '2025-02-24T09:12:44Z';
const apiCreated = '2025-02-26T14:40:09Z';

export const acmeWebsitePage = `<!DOCTYPE html>
<html>
<head><title>ACME Corporation</title></head>
<body>
<h1>ACME Corporation</h1>
<p>Quality anvils since 1949. Served by nginx from the acme/website image.</p>
</body>
</html>
`;

export const acmeApiSource = `// A tiny HTTP API: answers every request with a JSON greeting.
const http = require('node:http');
const port = process.env.PORT || 3000;
http
  .createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ message: 'hello from acme/hello-api', path: req.url }) + '\\n');
  })
  .listen(port, () => console.log(\`listening on port \${port}\`));
`;

function fileLayer(key: string, created: string, path: string, content: string): LayerRecipe {
  return { key, entries: (p) => new FileTree(p, epochOf(created)).text(path, content).entries() };
}

/** `FROM nginx:alpine` + `COPY index.html /usr/share/nginx/html/`. */
export function acmeWebsiteImage(p: TargetPlatform): ImageDefinition {
  const base = nginxAlpineImage(p);
  const page = fileLayer('acme-website-index', websiteCreated, 'usr/share/nginx/html/index.html', acmeWebsitePage);
  return {
    created: websiteCreated,
    steps: [...base.steps, step.copy(websiteCreated, 'index.html /usr/share/nginx/html/', page)],
    config: base.config,
    annotations: {},
  };
}

/** `FROM node:22-alpine`, `WORKDIR /app`, `COPY server.js .`, `EXPOSE 3000`, `CMD ["node", "server.js"]`. */
export function acmeHelloApiImage(p: TargetPlatform): ImageDefinition {
  const base = nodeAlpineImage(node22)(p);
  const source = fileLayer('acme-hello-api-server', apiCreated, 'app/server.js', acmeApiSource);
  const workdir: LayerRecipe = {
    key: 'acme-hello-api-workdir',
    entries: (q) => new FileTree(q, epochOf(apiCreated)).dir('app').entries(),
  };
  const cmd = ['node', 'server.js'];
  return {
    created: apiCreated,
    steps: [
      ...base.steps,
      { ...step.workdir(apiCreated, '/app'), layer: workdir },
      step.copy(apiCreated, 'server.js .', source),
      step.expose(apiCreated, ['3000/tcp']),
      step.cmd(apiCreated, cmd),
    ],
    config: {
      ...base.config,
      ExposedPorts: { ...(base.config.ExposedPorts ?? {}), '3000/tcp': {} },
      WorkingDir: '/app',
      Cmd: cmd,
    },
    annotations: {},
  };
}
