/** Every request the sandbox saw, so tests can assert what was and was not changed. */
export interface JournalEntry {
  seq: number;
  time: number;
  service: string;
  method: string;
  path: string;
  query: string;
  /** True for a request that changed state (a non-GET that succeeded). */
  mutating: boolean;
  status: number;
  fault?: string;
  requestBody?: unknown;
  /** Set by the Harness emulator when a request did not conform to the OpenAPI contract. */
  contractViolation?: string;
}

export class Journal {
  readonly entries: JournalEntry[] = [];
  private seq = 0;
  add(e: Omit<JournalEntry, 'seq' | 'time'>): JournalEntry {
    const entry = { ...e, seq: ++this.seq, time: Date.now() };
    this.entries.push(entry);
    return entry;
  }
  mutations(service?: string): JournalEntry[] {
    return this.entries.filter((e) => e.mutating && (!service || e.service === service));
  }
  contractViolations(): JournalEntry[] {
    return this.entries.filter((e) => e.contractViolation);
  }
  since(seq: number): JournalEntry[] {
    return this.entries.filter((e) => e.seq > seq);
  }
  get lastSeq(): number {
    return this.seq;
  }
  clear(): void {
    this.entries.length = 0;
  }
}
