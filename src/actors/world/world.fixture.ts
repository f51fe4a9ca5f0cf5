// Commands for the world's tests, written as the docker CLI sends them (real-clients.md §2.2)
// until the client of issue 8 turns argv into these calls: `pull`, `push` as single requests, and
// `docker run` as its program — create → (404 → pull → create) → attach → wait → start.
import { fromUtf8, utf8 } from '../../engine/bytes';
import type { FsEntry } from '../../engine/layer/entry';
import { writeTar } from '../../engine/layer/tar';
import type { WireRequest } from '../../engine/wire/message';
import type { ClientProgram } from '../machines/client-runner';

const anonymous = { 'X-Registry-Auth': 'e30=' };

/** `X-Registry-Auth` for the world's student account on `registry`. */
export function studentAuth(registry: string): Record<string, string> {
  const json = JSON.stringify({ username: 'student', password: 'dockyard', serveraddress: registry });
  return { 'X-Registry-Auth': btoa(json).replace(/\+/g, '-').replace(/\//g, '_') };
}

/** `docker pull <repository>:<tag>` (the repository fully qualified, as the CLI sends it). */
export function pullRequest(repository: string, tag = 'latest', auth: Record<string, string> = anonymous): WireRequest {
  return {
    method: 'POST',
    url: `/v1.50/images/create?fromImage=${encodeURIComponent(repository)}&tag=${encodeURIComponent(tag)}`,
    headers: { ...auth },
  };
}

/** `docker tag <source> <repository>:<tag>`. */
export function tagRequest(source: string, repository: string, tag: string): WireRequest {
  return {
    method: 'POST',
    url: `/v1.50/images/${source}/tag?repo=${encodeURIComponent(repository)}&tag=${encodeURIComponent(tag)}`,
    headers: {},
  };
}

/** `docker push <repository>:<tag>`. */
export function pushRequest(repository: string, tag: string, auth: Record<string, string>): WireRequest {
  return {
    method: 'POST',
    url: `/v1.50/images/${repository}/push?tag=${encodeURIComponent(tag)}`,
    headers: { ...auth },
  };
}

export const imagesRequest: WireRequest = { method: 'GET', url: '/v1.50/images/json', headers: {} };

export interface RunOptions {
  /** The repository and tag to pull when the image is missing (default: the official image, latest). */
  repository?: string;
  tag?: string;
  /** Credentials sent with the pull (`X-Registry-Auth`). */
  auth?: Record<string, string>;
}

/** `docker run <image>` (attached, no TTY) as the CLI runs it; exits with the container's status. */
export function dockerRun(image: string, options: RunOptions = {}): ClientProgram {
  const { repository = `docker.io/library/${image}`, tag = 'latest', auth = anonymous } = options;
  const create: WireRequest = {
    method: 'POST',
    url: '/v1.50/containers/create',
    headers: { 'Content-Type': 'application/json' },
    body: utf8(
      JSON.stringify({
        Image: image,
        AttachStdin: false,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        OpenStdin: false,
        HostConfig: {},
      }),
    ),
  };
  return async (api) => {
    let created = await api.call(create);
    if (created.status === 404) {
      await (
        await api.call(pullRequest(repository, tag, auth))
      ).body;
      created = await api.call(create);
    }
    const body = fromUtf8(await created.body);
    if (created.status !== 201) throw new Error(`docker: Error response from daemon: ${body}`);
    const { Id } = JSON.parse(body) as { Id: string };
    const attach = await api.call({
      method: 'POST',
      url: `/v1.50/containers/${Id}/attach?stderr=1&stdout=1&stream=1`,
      headers: { Connection: 'Upgrade', Upgrade: 'tcp' },
    });
    const wait = api.call({ method: 'POST', url: `/v1.50/containers/${Id}/wait?condition=next-exit`, headers: {} });
    await api.call({ method: 'POST', url: `/v1.50/containers/${Id}/start`, headers: {} });
    await attach.body;
    const waited = await wait;
    return (JSON.parse(fromUtf8(await waited.body)) as { StatusCode: number }).StatusCode;
  };
}

/** `DOCKER_BUILDKIT=0 docker build -t <tag> .` with a context of `files` (a Dockerfile among them). */
export function buildRequest(tag: string, files: Record<string, string>): WireRequest {
  const mtime = 1_735_000_000;
  const entries: FsEntry[] = Object.keys(files)
    .sort()
    .map((path) => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, content: utf8(files[path]!) }));
  return {
    method: 'POST',
    url: `/v1.50/build?t=${encodeURIComponent(tag)}&rm=1`,
    headers: { 'Content-Type': 'application/x-tar' },
    body: writeTar(entries),
  };
}
