// A flag of type `strings` (pflag's StringSlice): each occurrence may carry several values
// separated by commas, read as CSV (`--alias a1,a2 --alias a3` is three aliases).
import { value, type FlagSpec } from '../../cli/flag';
import { readCsvRecord } from './csv-record';

export function stringSlice(name: string, short: string, usage: string): FlagSpec {
  return {
    ...value('strings', name, short, usage),
    set: (text, current) => [...(current as string[]), ...(text === '' ? [] : readCsvRecord(text))],
  };
}
