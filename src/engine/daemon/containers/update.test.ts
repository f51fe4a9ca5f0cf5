// `POST /containers/{id}/update` end to end over the fake runtime: what inspect shows after it,
// moby's checks (400), its conflicts with what the container has (409, nothing changed), the
// restart policy reaching the restart manager, and the event.
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

type HostConfig = Record<string, unknown> & { RestartPolicy: { Name: string; MaximumRetryCount: number } };
const hostConfig = async (d: TestDaemon, id: string) =>
  ((await d.api('GET', `/containers/${id}/json`)).json as { HostConfig: HostConfig }).HostConfig;
const update = (d: TestDaemon, id: string, body: unknown) => d.api('POST', `/containers/${id}/update`, body);
const MiB = 1024 * 1024;

describe('update: what changes', () => {
  it('memory with its swap limit, CPUs and PIDs show in inspect; the answer is {"Warnings":null}', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    const res = await update(d, 'web', {
      Memory: 256 * MiB,
      MemorySwap: 512 * MiB,
      NanoCpus: 1_500_000_000,
      PidsLimit: 100,
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"Warnings":null}\n');
    expect(await hostConfig(d, id)).toMatchObject({
      Memory: 256 * MiB,
      MemorySwap: 512 * MiB,
      NanoCpus: 1_500_000_000,
      PidsLimit: 100,
      CpuShares: 0,
    });
  });

  it('zero fields leave what the container has; --pids-limit -1 arrives as 0 (unlimited)', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], { HostConfig: { CpuShares: 512, PidsLimit: 50 } });
    await update(d, id, { CpuShares: 0, Memory: 0, PidsLimit: -1 });
    expect(await hostConfig(d, id)).toMatchObject({ CpuShares: 512, PidsLimit: 0 });
  });

  it('an empty body or null is an empty update', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect((await d.api('POST', `/containers/${id}/update`)).status).toBe(200);
    expect((await d.api('POST', `/containers/${id}/update`, 'null')).status).toBe(200);
  });

  it('the restart policy reaches the restart manager: the next exit is a restart', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep', '5'], {}, 'job');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await update(d, 'job', { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } })).status).toBe(200);
    expect((await hostConfig(d, id)).RestartPolicy).toEqual({ Name: 'always', MaximumRetryCount: 0 });
    await d.clock.advance(5000);
    await d.clock.advance(200);
    const inspect = (await d.api('GET', `/containers/${id}/json`)).json as { RestartCount: number };
    expect(inspect.RestartCount).toBe(1);
  });

  it('an update event, with the name and image', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    await update(d, id, { CpuShares: 512 });
    const event = d.ctx.events.history().at(-1)!;
    expect(event).toMatchObject({ Type: 'container', Action: 'update', Actor: { ID: id } });
    expect(event.Actor.Attributes).toMatchObject({ name: 'web', image: 'alpine' });
  });

  it('a setting the cgroup v2 kernel cannot honour is dropped with a warning', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const res = await update(d, id, { CpuPercent: 50, OomKillDisable: true });
    expect(res.json).toEqual({
      Warnings: [
        'Your kernel does not support OomKillDisable. OomKillDisable discarded.',
        'linux does not support CPU percent. Percent discarded.',
      ],
    });
    expect(await hostConfig(d, id)).toMatchObject({ CpuPercent: 0, OomKillDisable: null });
  });
});

describe('update: refused before the container is looked at (400)', () => {
  it.each([
    [{ Memory: 1000 }, 'Minimum memory limit allowed is 6MB'],
    [
      { Memory: 64 * MiB, MemorySwap: 32 * MiB },
      'Minimum memoryswap limit should be larger than memory limit, see usage',
    ],
    [{ MemoryReservation: 1000 }, 'Minimum memory reservation allowed is 6MB'],
    [
      { Memory: 64 * MiB, MemoryReservation: 128 * MiB },
      'Minimum memory limit can not be less than memory reservation limit, see usage',
    ],
    [{ NanoCpus: 1e9, CpuPeriod: 100000 }, 'Conflicting options: Nano CPUs and CPU Period cannot both be set'],
    [{ NanoCpus: 9e9 }, 'range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available'],
    [{ CpuPeriod: 10 }, 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)'],
    [{ CpuQuota: 10 }, 'CPU cfs quota can not be less than 1ms (i.e. 1000)'],
    [{ CpusetCpus: '0-9' }, 'Requested CPUs are not available - requested 0-9, available: 0-7'],
    [{ CpusetCpus: 'x' }, 'Invalid value x for cpuset cpus: invalid format: x'],
    [{ BlkioWeight: 5 }, 'Range of blkio weight is from 10 to 1000'],
    [{ CgroupParent: 'mine' }, 'cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"'],
    [
      { RestartPolicy: { Name: 'sometimes' } },
      "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ],
    [
      { RestartPolicy: { Name: 'always', MaximumRetryCount: 3 } },
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    ],
    [
      { Memory: '1g' },
      'invalid JSON: json: cannot unmarshal string into Go struct field UpdateConfig.Memory of type int64',
    ],
    [
      { CpuShares: 1.5 },
      'invalid JSON: json: cannot unmarshal number 1.5 into Go struct field UpdateConfig.CpuShares of type int64',
    ],
  ])('%j → %s', async (body, message) => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const before = await hostConfig(d, id);
    expect(await update(d, id, body)).toMatchObject({ status: 400, json: { message } });
    expect(await hostConfig(d, id)).toEqual(before);
  });

  it('checks come first: a bad request names no container', async () => {
    const d = await testDaemon();
    expect(await update(d, 'nosuch', { Memory: 1000 })).toMatchObject({ status: 400 });
    expect(await update(d, 'nosuch', { Memory: 64 * MiB })).toMatchObject({
      status: 404,
      json: { message: 'No such container: nosuch' },
    });
  });

  it('a removed container: 404', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'gone');
    await d.api('DELETE', `/containers/${id}`);
    expect(await update(d, 'gone', { CpuShares: 512 })).toMatchObject({
      status: 404,
      json: { message: 'No such container: gone' },
    });
  });
});

describe('update: conflicts with what the container has (409, nothing changed)', () => {
  it('memory above its swap limit (none set: 0) unless the swap limit comes with it', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const res = await update(d, id, { Memory: 256 * MiB, CpuShares: 512 });
    expect(res).toMatchObject({
      status: 409,
      json: {
        message: `Cannot update container ${id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time`,
      },
    });
    expect(await hostConfig(d, id)).toMatchObject({ Memory: 0, CpuShares: 0 });
    expect((await update(d, id, { Memory: 256 * MiB, MemorySwap: -1 })).status).toBe(200);
    expect(await hostConfig(d, id)).toMatchObject({ Memory: 256 * MiB, MemorySwap: -1 });
  });

  it.each([
    [{ CpuPeriod: 100000 }, { NanoCpus: 1e9 }, 'Nano CPUs cannot be updated as CPU Period has already been set'],
    [{ CpuQuota: 50000 }, { NanoCpus: 1e9 }, 'Nano CPUs cannot be updated as CPU Quota has already been set'],
    [{ NanoCpus: 1e9 }, { CpuPeriod: 100000 }, 'CPU Period cannot be updated as NanoCPUs has already been set'],
    [{ NanoCpus: 1e9 }, { CpuQuota: 50000 }, 'CPU Quota cannot be updated as NanoCPUs has already been set'],
  ])('had %j, asked %j: %s', async (had, asked, message) => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], { HostConfig: had });
    expect(await update(d, id, asked)).toMatchObject({
      status: 409,
      json: { message: `Cannot update container ${id}: Conflicting options: ${message}` },
    });
  });

  it('a restart policy on a --rm container', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], { HostConfig: { AutoRemove: true } });
    expect(await update(d, id, { RestartPolicy: { Name: 'always' } })).toMatchObject({
      status: 409,
      json: {
        message: `Cannot update container ${id}: Restart policy cannot be updated because AutoRemove is enabled for the container`,
      },
    });
    expect((await update(d, id, { RestartPolicy: { Name: 'no' } })).status).toBe(200);
  });

  it('a dead container cannot be updated at all', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    d.svc.store.get(id)!.state.dead = true;
    expect(await update(d, id, { CpuShares: 512 })).toMatchObject({
      status: 500,
      json: { message: `Cannot update container ${id}: container is marked for removal and cannot be "update"` },
    });
  });
});
