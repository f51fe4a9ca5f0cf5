// moby's cache `compare`, field by field: what makes two steps the same step, and what does not
// count (the container-specific Hostname, Domainname and Image).
import { describe, expect, it } from 'vitest';
import { sameStep } from './image-cache';
import { copyRunConfig, emptyRunConfig, withCmdComment, type RunConfig } from './run-config';

const step = (): RunConfig => {
  const c = emptyRunConfig();
  c.Env = ['PATH=/bin', 'A=1'];
  c.Cmd = ['/bin/sh', '-c', 'make'];
  c.Labels = { team: 'web' };
  c.ExposedPorts = { '80/tcp': {} };
  return c;
};

describe('sameStep', () => {
  it.each<[string, (c: RunConfig) => void]>([
    ['Hostname', (c) => void (c.Hostname = '3f1d2c4b5a69')],
    ['Domainname', (c) => void (c.Domainname = 'example.com')],
    ['Image', (c) => void (c.Image = 'sha256:0000')],
    ['an empty list instead of none', (c) => void (c.Entrypoint = [])],
  ])('ignores %s', (_, change) => {
    const other = copyRunConfig(step());
    change(other);
    expect(sameStep(step(), other)).toBe(true);
  });

  it.each<[string, (c: RunConfig) => void]>([
    ['the command', (c) => void (c.Cmd = ['/bin/sh', '-c', 'make all'])],
    ['the order of Env', (c) => void (c.Env = ['A=1', 'PATH=/bin'])],
    ['a label value', (c) => void (c.Labels = { team: 'ops' })],
    ['an exposed port', (c) => void (c.ExposedPorts = { '443/tcp': {} })],
    ['a volume', (c) => void (c.Volumes = { '/data': {} })],
    ['the user', (c) => void (c.User = 'nobody')],
    ['the working directory', (c) => void (c.WorkingDir = '/app')],
    ['the shell', (c) => void (c.Shell = ['/bin/bash', '-c'])],
    ['ArgsEscaped', (c) => void (c.ArgsEscaped = true)],
    ['the stop signal', (c) => void (c.StopSignal = 'SIGQUIT')],
    ['a healthcheck', (c) => void (c.Healthcheck = { Test: ['NONE'] })],
    ['an ONBUILD trigger', (c) => void (c.OnBuild = ['RUN true'])],
  ])('notices %s', (_, change) => {
    const other = copyRunConfig(step());
    change(other);
    expect(sameStep(step(), other)).toBe(false);
  });

  it('tells metadata steps apart by their #(nop) comment', () => {
    const a = copyRunConfig(step(), withCmdComment('ENV A=1'));
    expect(a.Cmd).toEqual(['/bin/sh', '-c', '#(nop) ', 'ENV A=1']);
    expect(sameStep(a, copyRunConfig(step(), withCmdComment('ENV A=2')))).toBe(false);
    expect(sameStep(a, copyRunConfig(step(), withCmdComment('ENV A=1')))).toBe(true);
  });
});
