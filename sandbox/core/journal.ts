/** Every request the sandbox saw, so tests can assert what was and was not changed. */
export interface JournalEntry {
  seq: number;
  time: number;
  service: string;
  method: string;
  path: string;
  query: string;
  /** True for a request that changed state: a write that succeeded (status below 400, no injected fault). */
  mutating: boolean;
  /**
   * True for every write the sandbox received, whatever became of it: refused (4xx), failed, faulted or
   * dropped (status 0). A write is a non-GET request, except the POSTs that Google documents as reads
   * (getIamPolicy, testIamPermissions, getEffectiveOrgPolicy, operations wait), which their routes mark.
   */
  attempted: boolean;
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
  /** Writes that succeeded, of one service or all. */
  mutations(service?: string): JournalEntry[] {
    return this.entries.filter((e) => e.mutating && (!service || e.service === service));
  }
  /** Writes that were tried, succeeded or not: "nothing was tried" is `attempts().length === 0`. */
  attempts(service?: string): JournalEntry[] {
    return this.entries.filter((e) => e.attempted && (!service || e.service === service));
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
