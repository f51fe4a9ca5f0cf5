// Issue 10, P6: the stage's frame time with 100 messages in flight — target ≤ 16.7 ms (60 frames
// a second).
//   P6   in headless Chromium, the built app at 1280×720 (stage-browser.ts): p95 of the intervals
//        between animation frames drawn with 100 packets on the stage — everything included.
//   P6n  in Node, the per-frame work of the stage's own code — move 100 packets
//        (PacketScheduler.advance), place them on their routes (drawPackets) and, as on a frame
//        where the world changed, lay out a busy world again (layoutStage: 44 images, 63
//        containers, 40 repositories) at the projector's stage size.
//   P6a  the same without the relayout.
import type { TraceEntry } from '../../src/actors/trace/types';
import { layoutStage } from '../../src/ui/stage/layout';
import { PacketScheduler, drawPackets } from '../../src/ui/stage/packets';
import { busyView } from '../../src/ui/stage/stage.fixture';
import { stageFramesInChromium } from './stage-browser';
import type { BenchRow } from './table';

const ends = [
  [
    { host: 'laptop', role: 'client' },
    { host: 'laptop', role: 'daemon' },
  ],
  [
    { host: 'laptop', role: 'daemon' },
    { host: 'docker.io', role: 'registry' },
  ],
  [
    { host: 'cloud-vm', role: 'daemon' },
    { host: 'cr.example.net', role: 'registry' },
  ],
  [
    { host: 'onprem-1', role: 'daemon' },
    { host: 'auth.docker.io', role: 'auth' },
  ],
] as const;

function message(seq: number): TraceEntry {
  const [from, to] = ends[seq % ends.length]!;
  return seq % 2
    ? {
        kind: 'request',
        seq,
        exchange: seq,
        time: seq,
        from,
        to,
        method: 'GET',
        url: `/v2/library/alpine/blobs/sha256:${seq}`,
        summary: '',
      }
    : {
        kind: 'response',
        seq,
        exchange: seq,
        time: seq,
        from: to,
        to: from,
        status: 200,
        summary: '200 OK',
        streamed: false,
      };
}

const VSYNC_MS = 1000 / 60;

function p95(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

export async function stageBenchRows(): Promise<BenchRow[]> {
  const view = busyView();
  // Long trips, no stagger: all 100 packets stay in flight for the whole measurement.
  const scheduler = new PacketScheduler({ instantMs: 1e9, staggerMs: 0 });
  for (let i = 1; i <= 100; i++) scheduler.add(message(i), 40);
  const size = { width: 910, height: 410 }; // the stage at 1280×720, lesson panel folded
  let layout = layoutStage(view, size);
  const frames = 300;
  const packetsOnly: number[] = [];
  const withLayout: number[] = [];
  for (let f = 0; f < 50; f++) drawPackets(scheduler.inFlight(), layoutStage(view, size), false); // warm up the JIT
  for (let f = 0; f < frames; f++) {
    const t0 = performance.now();
    scheduler.advance(16.7);
    drawPackets(scheduler.inFlight(), layout, false);
    const t1 = performance.now();
    layout = layoutStage(view, size);
    drawPackets(scheduler.inFlight(), layout, false);
    const t2 = performance.now();
    packetsOnly.push(t1 - t0);
    withLayout.push(t2 - t0);
  }
  const inFlight = scheduler.inFlight().length;
  const frame = p95(withLayout);
  const chromium = await stageFramesInChromium();
  const browserFrame = p95(chromium.intervals);
  return [
    {
      id: 'P6',
      what: `stage frame time p95, ${chromium.packets} packets in flight (headless Chromium, built app, 1280×720, ${chromium.intervals.length} frames)`,
      value: browserFrame,
      unit: 'ms',
      target: '<= 16.7 ms (1 vsync ± jitter)',
      // Frames come at vsync: an interval is 16.7 ms (± timer jitter) when the frame was drawn in
      // time and 33 ms or more when it was not, so a p95 under 1.5 intervals means 95 % on time.
      met: browserFrame < VSYNC_MS * 1.5,
    },
    {
      id: 'P6n',
      what: `stage logic per frame p95, ${inFlight} packets + busy-world relayout (Node)`,
      value: frame,
      unit: 'ms',
      target: '<= 16.7 ms',
      met: frame <= 16.7,
    },
    {
      id: 'P6a',
      what: `packet frame p95, ${inFlight} in flight, no relayout (Node)`,
      value: p95(packetsOnly),
      unit: 'ms',
    },
  ];
}
