// Descriptors 0–9 and `exec` (XCU 2.7, 2.14 exec), as BusyBox ash in alpine behaves: `exec` with
// only redirections rewires the shell itself and they stay; `N>&M` copies, `N<&M` copies for
// reading, `N>&-` closes; programs the shell runs (and scripts they run) inherit 3–9 open, as the
// nginx image's entrypoint relied on (`exec 3>&1`, then `echo … >&3` in the scripts it launches).
// Also the quoted empty expansion `"${VAR:-}"`, which must still be one (empty) argument.
import { describe, expect, it } from 'vitest';
import { testContainer } from '../testing/container';

type Row = [script: string, stdout: string, stderr?: string, status?: number];

async function sh(script: string) {
  const c = await testContainer('alpine');
  return c.run(['sh', '-c', script]);
}

function table(name: string, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%j', async (script, stdout, stderr = '', status = 0) => {
      expect(await sh(script)).toEqual({ stdout, stderr, status });
    });
  });
}

table('exec with redirections only', [
  ['exec 3>&1; echo via3 >&3', 'via3\n'],
  ['exec 3>&1; f() { echo fn >&3; }; f', 'fn\n'],
  ['exec 3>&1 >/dev/null; echo A >&3; echo B', 'A\n'],
  ['exec 3>&1 >/dev/null; echo A >&3; exec 1>&3 3>&-; echo C', 'A\nC\n'],
  ['exec 4>&2 2>/dev/null; echo e >&4; echo gone >&2', '', 'e\n'],
  ['exec 3>&1 1>&2; echo to2; echo to3 >&3', 'to3\n', 'to2\n'],
  ['exec 9>&1; echo nine >&9', 'nine\n'],
  ['exec 3>/tmp/f; echo a >&3; echo b >&3; exec 3>&-; cat /tmp/f', 'a\nb\n'],
  ['exec 5</etc/alpine-release; read v <&5; echo "[$v]"', '[3.21.3]\n'],
  ['exec 0</etc/alpine-release; read l; echo "got $l"', 'got 3.21.3\n'],
  ['exec 2>&1; ls /nope; echo after', 'ls: /nope: No such file or directory\nafter\n'],
  ['exec 3>&1; (echo sub >&3); echo "[$(echo cs >&3)]"', 'sub\ncs\n[]\n'],
  ['exec 3>&1; echo piped >&3 | cat; echo end', 'piped\nend\n'],
]);

table('descriptors a program inherits', [
  ['exec 3>&1; sh -c "echo child >&3"', 'child\n'],
  ['exec 3>&1 >/dev/null; sh -c "echo child >&3; echo hidden"', 'child\n'],
  ['exec 3>&1 >/dev/null; exec sh -c "echo after-exec >&3"', 'after-exec\n'],
  ['exec 4</etc/alpine-release; cat <&4', '3.21.3\n'],
  ['printf "#!/bin/sh\\necho from-script >&3\\n" >/s; chmod +x /s; exec 3>&1; /s', 'from-script\n'],
  ['sh -c "echo x >&3" 3>&1', 'x\n'],
]);

table('quoted empty expansions are one argument', [
  ['[ -n "${X:-}" ]; echo $?', '1\n'],
  ['[ -z "${X:-}" ]; echo $?', '0\n'],
  ['set -- "${X:-}" "${Y:+a}" ${Z:-}; echo $#', '2\n'],
  ['set -- "${X-}"; echo $#', '1\n'],
  ['X=; set -- "${X:-}" "${X-}" ${X-}; echo $#', '2\n'],
  ['Q=; [ -n "${Q:-}" ] || echo quiet-unset', 'quiet-unset\n'],
  ['set -- "${X:-"$Y"}"; echo $#', '1\n'],
]);
