// The leaf commands that used to be listed here help-only are all simulated now; their commands
// live with the others (../image, ../container, ../system). These names stay so the tree and the
// container group can keep importing them from one place.
export { buildCommand as buildSpec } from '../image/build';
export { exportCommand as exportSpec } from '../container/export';
export { importCommand as importSpec } from '../image/import';
export { statsCommand as statsSpec } from '../container/stats';
export { updateCommand as updateSpec } from '../container/update';
export { systemPruneCommand as systemPruneSpec } from '../system/prune';

/** `docker port` is simulated: its command lives in ../container/port.ts. */
export { portCommand as portSpec } from '../container/port';
