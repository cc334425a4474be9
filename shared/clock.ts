/** Time as a collaborator, so waits and retries run in milliseconds under test. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock whose sleep returns at once and moves time forward; records every sleep. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private t = 0) {}
  now() {
    return this.t;
  }
  async sleep(ms: number) {
    this.sleeps.push(ms);
    this.t += ms;
  }
  advance(ms: number) {
    this.t += ms;
  }
}
