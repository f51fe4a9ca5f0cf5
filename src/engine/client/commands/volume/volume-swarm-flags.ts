// The cluster-volume flags of `docker volume create` (swarm managers only: help hides them on
// other daemons, and Dockyard's daemons are not swarm managers).
import { bytes, list, map, string, type FlagSpec } from '../../cli/flag';

const manager = { annotations: { swarm: 'manager' } };

export function volumeSwarmFlags(): FlagSpec[] {
  return [
    string('availability', '', 'Cluster Volume availability ("active", "pause", "drain")', {
      default: '"active"',
      ...manager,
    }),
    string('group', '', 'Cluster Volume group (cluster volumes)', manager),
    bytes('limit-bytes', '', 'Minimum size of the Cluster Volume in bytes', manager),
    bytes('required-bytes', '', 'Maximum size of the Cluster Volume in bytes', manager),
    string('scope', '', 'Cluster Volume access scope ("single", "multi")', { default: '"single"', ...manager }),
    map('secret', '', 'Cluster Volume secrets', { default: 'map[]', ...manager }),
    string('sharing', '', 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', {
      default: '"none"',
      ...manager,
    }),
    list('topology-preferred', '', 'A topology that the Cluster Volume would be preferred in', manager),
    list('topology-required', '', 'A topology that the Cluster Volume must be accessible from', manager),
    string('type', '', 'Cluster Volume access type ("mount", "block")', { default: '"block"', ...manager }),
  ];
}
