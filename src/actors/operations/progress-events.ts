// From the daemon's progress messages to the operation machines' events: the words dockerd writes
// (moby `xfer/download.go`, `xfer/upload.go`, `pull_v2.go`, `push_v2.go`, the classic builder) are
// read back into events named with dots, one per phase a layer or a build step goes through.
//
//   <id>: Pulling fs layer   layer.queued        <id>: Preparing             layer.preparing
//   <id>: Waiting            layer.waiting       <id>: Waiting               layer.waiting
//   <id>: Downloading […]    layer.downloading   <id>: Pushing […]           layer.pushing
//   <id>: Verifying Checksum layer.verifying     <id>: Pushed                layer.pushed
//   <id>: Download complete  layer.downloaded    <id>: Layer already exists  layer.exists
//   <id>: Extracting […]     layer.extracting    <id>: Mounted from library/alpine  layer.mounted
//   <id>: Pull complete      layer.complete
//   <id>: Already exists     layer.exists        (either) <id>: Retrying in 5 seconds  layer.retrying
import type { ProgressMessage } from './progress-stream';

export interface LayerProgress {
  /** The layer's 12-character ID as the stream shows it. */
  layer: string;
  current?: number;
  total?: number;
}

export type PullLayerEvent =
  | ({ type: 'layer.queued' | 'layer.waiting' | 'layer.downloading' | 'layer.verifying' } & LayerProgress)
  | ({ type: 'layer.downloaded' | 'layer.extracting' | 'layer.complete' | 'layer.exists' } & LayerProgress)
  | ({ type: 'layer.retrying'; seconds: number } & LayerProgress);

export type PullStreamEvent =
  | { type: 'pull.from'; tag: string; repository: string }
  | { type: 'pull.digest'; digest: string }
  | { type: 'pull.done'; reference: string; upToDate: boolean }
  | { type: 'pull.failed'; message: string }
  | PullLayerEvent;

export type PushLayerEvent =
  | ({ type: 'layer.preparing' | 'layer.waiting' | 'layer.pushing' | 'layer.pushed' | 'layer.exists' } & LayerProgress)
  | ({ type: 'layer.mounted'; from: string } & LayerProgress)
  | ({ type: 'layer.retrying'; seconds: number } & LayerProgress);

export type PushStreamEvent =
  | { type: 'push.refers'; repository: string }
  | { type: 'push.tagged'; tag: string; digest: string; size: number }
  | { type: 'push.failed'; message: string }
  | PushLayerEvent;

export type BuildStreamEvent =
  | { type: 'build.step'; step: number; steps: number; instruction: string }
  | { type: 'build.cached' }
  | { type: 'build.running'; container: string }
  | { type: 'build.committed'; image: string }
  | { type: 'build.built'; image: string }
  | { type: 'build.tagged'; reference: string }
  | { type: 'build.output'; line: string }
  | { type: 'build.failed'; message: string };

const retrying = /^Retrying in (\d+) seconds?$/;

function progressOf(m: ProgressMessage): LayerProgress {
  const p: LayerProgress = { layer: m.id ?? '' };
  if (m.progressDetail?.current !== undefined) p.current = m.progressDetail.current;
  if (m.progressDetail?.total !== undefined) p.total = m.progressDetail.total;
  return p;
}

const pullWords: Record<string, Exclude<PullLayerEvent['type'], 'layer.retrying'>> = {
  'Pulling fs layer': 'layer.queued',
  Waiting: 'layer.waiting',
  Downloading: 'layer.downloading',
  'Verifying Checksum': 'layer.verifying',
  'Download complete': 'layer.downloaded',
  Extracting: 'layer.extracting',
  'Pull complete': 'layer.complete',
  'Already exists': 'layer.exists',
};

/** The pull machine's event for one message of `POST /images/create`, if it means anything to it. */
export function pullEventOf(m: ProgressMessage): PullStreamEvent | undefined {
  if (m.error !== undefined || m.errorDetail !== undefined) {
    return { type: 'pull.failed', message: m.error ?? m.errorDetail?.message ?? '' };
  }
  const status = m.status ?? '';
  if (status.startsWith('Pulling from ') && m.id) return { type: 'pull.from', tag: m.id, repository: status.slice(13) };
  if (status.startsWith('Digest: ')) return { type: 'pull.digest', digest: status.slice(8) };
  if (status.startsWith('Status: Downloaded newer image for ')) {
    return { type: 'pull.done', reference: status.slice(35), upToDate: false };
  }
  if (status.startsWith('Status: Image is up to date for ')) {
    return { type: 'pull.done', reference: status.slice(32), upToDate: true };
  }
  if (!m.id) return undefined;
  const retry = retrying.exec(status);
  if (retry) return { type: 'layer.retrying', seconds: Number(retry[1]), ...progressOf(m) };
  const type = pullWords[status];
  return type ? { type, ...progressOf(m) } : undefined;
}

const pushWords: Record<
  string,
  'layer.preparing' | 'layer.waiting' | 'layer.pushing' | 'layer.pushed' | 'layer.exists'
> = {
  Preparing: 'layer.preparing',
  Waiting: 'layer.waiting',
  Pushing: 'layer.pushing',
  Pushed: 'layer.pushed',
  'Layer already exists': 'layer.exists',
};

const pushedTag = /^(.+): digest: (sha256:[0-9a-f]{64}) size: (\d+)$/;

/** The push machine's event for one message of `POST /images/{name}/push`. */
export function pushEventOf(m: ProgressMessage): PushStreamEvent | undefined {
  if (m.error !== undefined || m.errorDetail !== undefined) {
    return { type: 'push.failed', message: m.error ?? m.errorDetail?.message ?? '' };
  }
  const status = m.status ?? '';
  const refers = /^The push refers to repository \[(.+)\]$/.exec(status);
  if (refers) return { type: 'push.refers', repository: refers[1]! };
  const tagged = pushedTag.exec(status);
  if (tagged) return { type: 'push.tagged', tag: tagged[1]!, digest: tagged[2]!, size: Number(tagged[3]) };
  if (!m.id) return undefined;
  const retry = retrying.exec(status);
  if (retry) return { type: 'layer.retrying', seconds: Number(retry[1]), ...progressOf(m) };
  if (status.startsWith('Mounted from ')) return { type: 'layer.mounted', from: status.slice(13), ...progressOf(m) };
  const type = pushWords[status];
  return type ? { type, ...progressOf(m) } : undefined;
}

/** The build machine's event for one complete line of the classic builder's `stream` text. */
export function buildEventOf(line: string): BuildStreamEvent {
  let m = /^Step (\d+)\/(\d+) : (.*)$/.exec(line);
  if (m) return { type: 'build.step', step: Number(m[1]), steps: Number(m[2]), instruction: m[3]! };
  if (line === ' ---> Using cache') return { type: 'build.cached' };
  if ((m = /^ ---> Running in ([0-9a-f]{12})$/.exec(line))) return { type: 'build.running', container: m[1]! };
  if ((m = /^ ---> ([0-9a-f]{12})$/.exec(line))) return { type: 'build.committed', image: m[1]! };
  if ((m = /^Successfully built ([0-9a-f]{12})$/.exec(line))) return { type: 'build.built', image: m[1]! };
  if ((m = /^Successfully tagged (.+)$/.exec(line))) return { type: 'build.tagged', reference: m[1]! };
  return { type: 'build.output', line };
}
