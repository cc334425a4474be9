/** Owned by the GitHub emulator: replace freely, keeping these fields (sandbox/index.ts reads them). */
export interface GithubState {
  token: string;
}
