import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionSources } from './completion';
import { LaptopFiles } from './files';

function sources(): CompletionSources {
  const files = new LaptopFiles({ now: () => 0 });
  files.mkdir('/home/student/app/src', { parents: true });
  files.writeFile('/home/student/app/Dockerfile', '');
  files.writeFile('/home/student/app/.dockerignore', '');
  files.writeFile('/home/student/app/my notes.txt', '');
  files.writeFile('/home/student/alpine.tar', '');
  return {
    cwd: '/home/student',
    files,
    images: async () => ['alpine:latest', 'nginx:latest', 'alpine:3.20'],
    containers: async () => ['web', 'db', 'worker'],
  };
}

describe('completeLine', () => {
  it.each([
    ['d', 0, ['docker']],
    ['c', 0, ['cat', 'cd', 'clear', 'cp', 'curl']],
    ['docker ', 7, expect.arrayContaining(['run', 'ps', 'image', 'container', 'build', 'pull'])],
    ['docker ru', 7, ['run']],
    ['docker image l', 13, ['load', 'ls']],
    ['docker run --rm --na', 16, ['--name']],
    ['docker run -d alp', 14, ['alpine:3.20', 'alpine:latest']],
    ['docker run alpine ', 18, []],
    ['docker pull ng', 12, ['nginx:latest']],
    ['docker rmi ', 11, ['alpine:3.20', 'alpine:latest', 'nginx:latest']],
    ['docker stop w', 12, ['web', 'worker']],
    ['docker container rm ', 20, ['db', 'web', 'worker']],
    ['docker image rm ng', 16, ['nginx:latest']],
    ['docker logs -f ', 15, ['db', 'web', 'worker']],
    ['docker exec -it w', 16, ['web', 'worker']],
    ['docker inspect ', 15, ['alpine:3.20', 'alpine:latest', 'db', 'nginx:latest', 'web', 'worker']],
    ['docker -H tcp://cloud-vm:2376 sto', 30, ['stop']],
    ['docker build -f app/D', 16, ['app/Dockerfile']],
    ['docker load -i al', 15, ['alpine.tar']],
    ['docker run --name ', 18, []],
    ['cat app/', 4, ['app/Dockerfile', 'app/my\\ notes.txt', 'app/src/']],
    ['cat app/.', 4, ['app/.dockerignore']],
    ['cd ', 3, ['app/']],
    ['ls ~/a', 3, ['~/alpine.tar', '~/app/']],
    ['echo x > a', 9, ['alpine.tar', 'app/']],
    ['ls | gr', 5, ['grep']],
    ['DOCKER_HOST=tcp://x:2376 docker ru', 32, ['run']],
  ])('%j', async (line, from, candidates) => {
    const result = await completeLine(line, line.length, sources());
    expect(result.candidates).toEqual(candidates);
    expect(result.from).toBe(from);
  });

  it('completes at the cursor, not at the end of the line', async () => {
    const result = await completeLine('docker ru alpine', 9, sources());
    expect(result).toEqual({ from: 7, candidates: ['run'] });
  });
});
