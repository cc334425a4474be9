/** One problem in the config file, in the words the user needs: where, what was found, what was expected, the fix. */
export interface ConfigIssue {
  path: string;
  found: string;
  expected: string;
  fix: string;
  line?: number;
}
