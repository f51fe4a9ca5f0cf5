// Working out what to install: the requested packages and, depth first, everything they depend on
// that is not installed yet — each dependency before the package that needs it, in the order the
// index lists dependencies (apk prints exactly this order). Names not in the index are "missing";
// what a package only recommends is followed too when asked (apt's default), and what it merely
// suggests is collected for apt's "Suggested packages:" list.
import type { PackageIndex, PackageSpec } from './model';

export interface InstallPlan {
  /** Packages to install, dependencies first. */
  order: PackageSpec[];
  /** Requested names the index does not know. */
  missing: string[];
  /** Suggested (and, with recommends off, recommended) packages not being installed. */
  suggested: string[];
  recommended: string[];
}

export function planInstall(
  index: Pick<PackageIndex, 'find'>,
  installed: ReadonlySet<string>,
  requested: readonly string[],
  options: { recommends?: boolean } = {},
): InstallPlan {
  const order: PackageSpec[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const suggested = new Set<string>();
  const recommended = new Set<string>();
  const visit = (name: string, top: boolean) => {
    const spec = index.find(name);
    if (!spec) {
      if (top) missing.push(name);
      return;
    }
    if (installed.has(spec.name) || seen.has(spec.name)) return;
    seen.add(spec.name);
    for (const d of spec.depends) visit(d, false);
    if (options.recommends) for (const r of spec.recommends) visit(r, false);
    else for (const r of spec.recommends) recommended.add(r);
    for (const s of spec.suggests) suggested.add(s);
    order.push(spec);
  };
  for (const name of requested) visit(name, true);
  const chosen = new Set(order.map((p) => p.name));
  const notChosen = (n: string) => !chosen.has(n) && !installed.has(n);
  return {
    order,
    missing,
    suggested: [...suggested].filter(notChosen),
    recommended: [...recommended].filter(notChosen),
  };
}

/**
 * What stays installed when only `keep` (the packages asked for, and the base system) and what
 * they need are kept — the rest can go (`apk del`, `apt-get autoremove`). `dependsOf` gives an
 * installed package's dependencies by name (provided names resolved by the caller). Returns the
 * names to remove, dependents first.
 */
export function planRemoval(
  installedOrder: readonly string[],
  keep: readonly string[],
  dependsOf: (name: string) => readonly string[],
  canonical: (name: string) => string = (n) => n,
): string[] {
  const kept = new Set<string>();
  const visit = (name: string) => {
    const real = canonical(name);
    if (kept.has(real)) return;
    kept.add(real);
    for (const d of dependsOf(real)) visit(d);
  };
  for (const k of keep) visit(k);
  return installedOrder.filter((n) => !kept.has(n)).reverse();
}
