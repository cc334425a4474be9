/** Owned by the Harness emulator: replace freely, keeping these fields (sandbox/index.ts reads them). */
export interface HarnessState {
  apiKey: string;
}
