/** Owned by the GCP emulator: replace freely, keeping these fields (sandbox/index.ts reads them). */
export interface GcpState {
  /** Path of the service-account key JSON the sandbox issued. */
  keyFile: string;
  privateKeyPem: string;
}
