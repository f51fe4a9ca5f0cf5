// The `--format` flag as docker/cli declares it (`cli/flags/format.go`): the same usage text on
// every listing command, a shorter one where there is no table (inspect, version, info, events).
import { string, type FlagSpec } from '../../cli/flag';

const TAIL =
  "'json':             Print in JSON format\n" +
  "'TEMPLATE':         Print output using the given Go template.\n" +
  'Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates';

/** FormatHelp: for commands that print tables. */
export const TABLE_FORMAT_HELP =
  'Format output using a custom template:\n' +
  "'table':            Print output in table format with column headers (default)\n" +
  "'table TEMPLATE':   Print output in table format using the given Go template\n" +
  TAIL;

/** InspectFormatHelp: for commands that print objects. */
export const INSPECT_FORMAT_HELP = 'Format output using a custom template:\n' + TAIL;

export function tableFormatFlag(short = ''): FlagSpec {
  return string('format', short, TABLE_FORMAT_HELP);
}

export function inspectFormatFlag(short = 'f'): FlagSpec {
  return string('format', short, INSPECT_FORMAT_HELP);
}
