import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './dockerfile';
import { BuildArgs, processMetaArg } from './build-args';

// The cases of moby's daemon/builder/dockerfile/buildargs_test.go.
describe('BuildArgs', () => {
  it('GetAllAllowed: --build-arg beats ARG default beats meta arg; proxies need no ARG', () => {
    const args = BuildArgs.fromOptions({
      ArgNotUsedInDockerfile: 'fromopt1',
      ArgOverriddenByOptions: 'fromopt2',
      ArgNoDefaultInDockerfileFromOptions: 'fromopt3',
      HTTP_PROXY: 'theproxy',
      all_proxy: 'theproxy2',
    });
    args.addMetaArg('ArgFromMeta', 'frommeta1');
    args.addMetaArg('ArgFromMetaOverridden', 'frommeta2');
    args.addMetaArg('ArgFromMetaNotUsed', 'frommeta3');
    args.addArg('ArgOverriddenByOptions', 'fromdockerfile2');
    args.addArg('ArgWithDefaultInDockerfile', 'fromdockerfile1');
    args.addArg('ArgNoDefaultInDockerfile', null);
    args.addArg('ArgNoDefaultInDockerfileFromOptions', null);
    args.addArg('ArgFromMeta', null);
    args.addArg('ArgFromMetaOverridden', 'fromdockerfile3');
    expect(Object.fromEntries(args.getAllAllowed())).toEqual({
      HTTP_PROXY: 'theproxy',
      all_proxy: 'theproxy2',
      ArgOverriddenByOptions: 'fromopt2',
      ArgWithDefaultInDockerfile: 'fromdockerfile1',
      ArgNoDefaultInDockerfileFromOptions: 'fromopt3',
      ArgFromMeta: 'frommeta1',
      ArgFromMetaOverridden: 'fromdockerfile3',
    });
  });

  it('GetAllMeta: what FROM lines see', () => {
    const args = BuildArgs.fromOptions({
      ArgNotUsedInDockerfile: 'fromopt1',
      ArgOverriddenByOptions: 'fromopt2',
      ArgNoDefaultInMetaFromOptions: 'fromopt3',
      HTTP_PROXY: 'theproxy',
    });
    args.addMetaArg('ArgFromMeta', 'frommeta1');
    args.addMetaArg('ArgOverriddenByOptions', 'frommeta2');
    args.addMetaArg('ArgNoDefaultInMetaFromOptions', null);
    expect(Object.fromEntries(args.getAllMeta())).toEqual({
      HTTP_PROXY: 'theproxy',
      ArgFromMeta: 'frommeta1',
      ArgOverriddenByOptions: 'fromopt2',
      ArgNoDefaultInMetaFromOptions: 'fromopt3',
    });
  });

  it('warns about --build-args no ARG used, sorted, ignoring proxies', () => {
    const args = BuildArgs.fromOptions({
      ThisArgIsUsed: 'fromopt1',
      ThisArgIsNotUsed: 'fromopt2',
      AnotherUnused: 'x',
      HTTPS_PROXY: 'referenced builtin',
      HTTP_PROXY: 'unreferenced builtin',
    });
    args.addArg('ThisArgIsUsed', null);
    args.addArg('HTTPS_PROXY', null);
    expect(args.unusedBuildArgsWarning()).toBe(
      '[Warning] One or more build-args [AnotherUnused ThisArgIsNotUsed] were not consumed\n',
    );
    args.addArg('ThisArgIsNotUsed', null);
    args.addArg('AnotherUnused', null);
    expect(args.unusedBuildArgsWarning()).toBeUndefined();
  });

  it('keeps unreferenced proxy args out of history (IsReferencedOrNotBuiltin)', () => {
    const args = BuildArgs.fromOptions({ HTTPS_PROXY: 'a', HTTP_PROXY: 'b' });
    args.addArg('ThisArgIsUsed', null);
    args.addArg('HTTPS_PROXY', null);
    expect(args.isReferencedOrNotBuiltin('ThisArgIsUsed')).toBe(true);
    expect(args.isReferencedOrNotBuiltin('ThisArgIsNotUsed')).toBe(true);
    expect(args.isReferencedOrNotBuiltin('HTTPS_PROXY')).toBe(true);
    expect(args.isReferencedOrNotBuiltin('HTTP_PROXY')).toBe(false);
  });

  it('gives each stage a fresh scope that still remembers meta args and references', () => {
    const build = BuildArgs.fromOptions({ A: 'opt' });
    build.addMetaArg('V', '1');
    const stage = build.clone();
    stage.resetAllowed();
    expect(stage.getAllAllowed().has('V')).toBe(false);
    stage.addArg('V', null);
    stage.addArg('A', null);
    expect(Object.fromEntries(stage.getAllAllowed())).toEqual({ V: '1', A: 'opt' });
    expect(build.unusedBuildArgsWarning()).toContain('[A]');
    build.mergeReferencedArgs(stage);
    expect(build.unusedBuildArgsWarning()).toBeUndefined();
  });

  it('lets ENV win over an ARG of the same name (FilterAllowed)', () => {
    const args = BuildArgs.fromOptions({});
    args.addArg('A', '1');
    args.addArg('B', '2');
    expect(args.filterAllowed(['A=env', 'PATH=/bin'])).toEqual(['B=2']);
  });
});

describe('global ARGs', () => {
  it('expand with the args before them, then become both args and meta args', () => {
    const { metaArgs } = parseDockerfile('ARG A=1\nARG B=${A}0 C=$HTTP_PROXY\nFROM x');
    const args = BuildArgs.fromOptions({ A: '7', HTTP_PROXY: 'http://p' });
    processMetaArg(metaArgs[0]!, args);
    const expanded = processMetaArg(metaArgs[1]!, args);
    expect(expanded.args.map((a) => [a.key, a.value])).toEqual([
      ['B', '70'],
      ['C', 'http://p'],
    ]);
    expect(Object.fromEntries(args.getAllMeta())).toMatchObject({ A: '7', B: '70', C: 'http://p' });
    expect(metaArgs[1]!.args[0]!.value).toBe('${A}0');
  });
});
