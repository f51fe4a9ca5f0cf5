// The package databases the images carry are real text the image's own tools read back.
import { describe, expect, it } from 'vitest';
import { testContainer } from '../../runtime/testing/container';
import { dpkgStatus } from './package-db';
import { amd64, arm64 } from './platforms';

async function sh(ref: string, script: string) {
  return (await testContainer(ref)).run(['sh', '-c', script]);
}

describe('package databases in the official images', () => {
  it('writes dpkg stanzas sorted by name, with the platform’s architecture', () => {
    const text = dpkgStatus(arm64, [
      { name: 'aaa-first', version: '1.0-1', summary: 'sorts first', multiArch: 'same' },
    ]);
    expect(text.startsWith('Package: aaa-first\nStatus: install ok installed\n')).toBe(true);
    expect(text).toContain('Architecture: arm64\nMulti-Arch: same\nVersion: 1.0-1\nDescription: sorts first\n\n');
    expect(dpkgStatus(amd64, [])).toContain('Package: bash\nStatus: install ok installed\n');
    expect(dpkgStatus(amd64, [])).toContain('Version: 5.2.15-2+b7\nDescription: GNU Bourne Again SHell\n');
  });

  it('nginx:latest: dpkg -l shows nginx, its modules and the base system', async () => {
    const r = await sh('nginx:latest', 'dpkg -l nginx nginx-module-njs bash | tail -n 3');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ii {2}bash +5\.2\.15-2\+b7 +amd64 +GNU Bourne Again SHell$/m);
    expect(r.stdout).toMatch(/^ii {2}nginx +1\.27\.4-1~bookworm +amd64 +high performance web server$/m);
    expect(r.stdout).toMatch(/^ii {2}nginx-module-njs +1\.27\.4\+0\.8\.9-1~bookworm /m);
  });

  it('nginx:alpine: apk lists nginx.org’s packages over the base system', async () => {
    const r = await sh('nginx:alpine', 'apk info -v 2>/dev/null | sort');
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'nginx-1.27.4-r1',
        'nginx-module-njs-1.27.4.0.8.9-r1',
        'pcre2-10.43-r0',
        'musl-1.2.5-r9',
      ]),
    );
  });

  it('redis and httpd: the base system plus what their RUN steps installed', async () => {
    expect((await sh('redis:latest', 'dpkg -l tzdata | tail -n 1')).stdout).toMatch(/^ii {2}tzdata /);
    expect((await sh('httpd:latest', 'dpkg -l libapr1 | tail -n 1')).stdout).toMatch(
      /^ii {2}libapr1:amd64 +1\.7\.2-3\+deb12u1 /,
    );
  });
});
