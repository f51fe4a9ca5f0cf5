// Docker's container lifecycle as a small diagram: the seven states of the Engine API and the
// commands that move a container between them (docker run/start/stop/pause/kill/rm…). Positions
// are fixed; ContainerStatechart.svelte draws it with the container's current state highlighted.
import type { ContainerState } from '../../actors/view/types';

export interface StateBox {
  state: ContainerState;
  x: number;
  y: number;
}

export interface Transition {
  from: ContainerState;
  to: ContainerState;
  label: string;
}

export const STATE_BOXES: readonly StateBox[] = [
  { state: 'created', x: 10, y: 70 },
  { state: 'running', x: 130, y: 70 },
  { state: 'paused', x: 130, y: 10 },
  { state: 'restarting', x: 250, y: 10 },
  { state: 'exited', x: 250, y: 70 },
  { state: 'removing', x: 250, y: 130 },
  { state: 'dead', x: 130, y: 130 },
];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'created', to: 'running', label: 'start' },
  { from: 'running', to: 'paused', label: 'pause' },
  { from: 'paused', to: 'running', label: 'unpause' },
  { from: 'running', to: 'exited', label: 'stop / kill / exit' },
  { from: 'running', to: 'restarting', label: 'exit + restart policy' },
  { from: 'restarting', to: 'running', label: 'restart' },
  { from: 'exited', to: 'running', label: 'start' },
  { from: 'exited', to: 'removing', label: 'rm' },
  { from: 'created', to: 'removing', label: 'rm' },
  { from: 'removing', to: 'dead', label: 'removal failed' },
];

export const BOX_W = 96;
export const BOX_H = 28;
