/** Every request the sandbox saw, so tests can assert what was and was not changed. */
export interface JournalEntry {
  seq: number;
  /** When the answer was ready (Date.now()), after any latency the request was given. */
  time: number;
  /** When the request arrived, before its latency: a request that arrived after another's `time` waited for it. */
  receivedAt: number;
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
  add(e: Omit<JournalEntry, 'seq' | 'time' | 'receivedAt'> & { receivedAt?: number }): JournalEntry {
    const time = Date.now();
    const entry = { ...e, seq: ++this.seq, time, receivedAt: e.receivedAt ?? time };
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
  /**
   * The round trips these entries waited for one after another: the longest chain of requests each of which
   * arrived after the one before it was answered. Requests sent together count once; a client that reads, then
   * decides, then reads again counts twice. Meaningful when every request is given a round trip
   * (`Faults.baseLatencyMs`) well above the client's own time between requests.
   */
  static roundTripsInSequence(entries: readonly JournalEntry[]): number {
    const sorted = [...entries].sort((a, b) => a.receivedAt - b.receivedAt);
    const depth: number[] = [];
    let longest = 0;
    for (let i = 0; i < sorted.length; i++) {
      const e = sorted[i] as JournalEntry;
      let before = 0;
      for (let j = 0; j < i; j++) {
        const f = sorted[j] as JournalEntry;
        if (f.time <= e.receivedAt) before = Math.max(before, depth[j] as number);
      }
      depth[i] = before + 1;
      longest = Math.max(longest, before + 1);
    }
    return longest;
  }
  get lastSeq(): number {
    return this.seq;
  }
  clear(): void {
    this.entries.length = 0;
  }
}
