import { describe, expect, it } from 'vitest';
import { accessibleName } from './accessible-name';

describe('accessibleName (label in name)', () => {
  it.each([
    // The description already says what the node shows: kept as it is.
    ['laptop', 'host laptop', 'host laptop'],
    ['student/web:v1', 'image student/web:v1 on laptop, 2 layers', 'image student/web:v1 on laptop, 2 layers'],
    [
      'library/alpine',
      'repository library/alpine on docker.io, 3 tags',
      'repository library/alpine on docker.io, 3 tags',
    ],
    ['', 'layer 0123456789ab of alpine:latest on laptop', 'layer 0123456789ab of alpine:latest on laptop'],
    // It does not: the shown words come first.
    [
      'dockerd',
      'Docker daemon on laptop: 1 images, 0 containers',
      'dockerd: Docker daemon on laptop: 1 images, 0 containers',
    ],
    [
      'student/we…',
      'image student/web:v1 on laptop, 2 layers',
      'student/we…: image student/web:v1 on laptop, 2 layers',
    ],
    ['v1', 'tag student/web:v1 on docker.io, 2 layers', 'v1: tag student/web:v1 on docker.io, 2 layers'],
    [
      'docker.io registry',
      'registry docker.io: 4 repositories',
      'docker.io registry: registry docker.io: 4 repositories',
    ],
  ])('%j described as %j → %j', (label, description, name) => {
    expect(accessibleName(label, description)).toBe(name);
  });

  it('compares words, not letters: "web" is not in "website"', () => {
    expect(accessibleName('web', 'image website:v2 on laptop')).toBe('web: image website:v2 on laptop');
  });
});
