/** Owned by the VM simulation: replace freely. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VmState {}
