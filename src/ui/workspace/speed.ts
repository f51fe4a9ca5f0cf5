// The three speeds the top bar offers, in the words an instructor uses: instant (results at once,
// as tests run), normal (the network's latencies in real time) and slow (slow motion, four real
// milliseconds per virtual one, to follow each packet across the stage).
import type { Speed } from '../../actors/world/driver';

export type SpeedChoice = 'instant' | 'normal' | 'slow';

export const SPEED_CHOICES: readonly { choice: SpeedChoice; label: string; speed: Speed }[] = [
  { choice: 'instant', label: 'Instant', speed: 'instant' },
  { choice: 'normal', label: 'Normal', speed: 'realtime' },
  { choice: 'slow', label: 'Slow ×4', speed: { slow: 4 } },
];

export function speedOf(choice: SpeedChoice): Speed {
  return SPEED_CHOICES.find((s) => s.choice === choice)!.speed;
}

export function isSpeedChoice(value: unknown): value is SpeedChoice {
  return SPEED_CHOICES.some((s) => s.choice === value);
}
