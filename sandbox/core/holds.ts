/**
 * Holds: a test names a request (service, method, path pattern, which occurrence) and the sandbox stops there,
 * without answering, until the test releases it or the client goes away. A test that must kill the client at a
 * named point of its work (after the delegate token is created, while terraform is applying, between two
 * creates of a bulk) arms a hold there and kills the client once the request has arrived, instead of guessing
 * a delay: the point is reached however slow the machine is, and the client never knows it is being held.
 */

/** Where the request is stopped. */
export type HoldStage =
  /** Before the emulator handles it: nothing changed server side, as if the request were still on the wire. */
  | 'request'
  /** After the emulator handled it (the change is made and journaled), before the answer is sent. */
  | 'response';

export interface HoldRule {
  /** The emulated service, as in the journal (`harness`, `compute`, `clouddns`, ...). */
  service: string;
  method: string;
  /** Tested against the request's path (no query string). */
  route: RegExp;
  /** Which matching request to hold, counting from 1. Default 1. */
  nth?: number;
  /** Default `request`. */
  stage?: HoldStage;
}

/** The request a hold stopped. */
export interface HeldRequest {
  service: string;
  method: string;
  path: string;
  stage: HoldStage;
}

export interface Hold {
  /** Resolves when the request arrives at the hold (it is not answered until release()). */
  arrived: Promise<HeldRequest>;
  /** Lets the held request go on (the emulator handles or answers it as usual). */
  release(): void;
}

interface Armed {
  rule: HoldRule;
  seen: number;
  fired: boolean;
  arrive(r: HeldRequest): void;
  released: Promise<void>;
}

export class Holds {
  private readonly armed: Armed[] = [];

  /** Arms a hold for the nth request that matches `rule`; it fires once. */
  arm(rule: HoldRule): Hold {
    let arrive!: (r: HeldRequest) => void;
    let release!: () => void;
    const arrived = new Promise<HeldRequest>((res) => (arrive = res));
    const released = new Promise<void>((res) => (release = res));
    this.armed.push({ rule, seen: 0, fired: false, arrive, released });
    return { arrived, release };
  }

  /**
   * Called by the dispatcher for each request at each stage: resolves at once unless an armed hold takes this
   * request, then when the hold is released (or never: a client killed meanwhile simply loses its connection).
   */
  async pass(stage: HoldStage, req: { service: string; method: string; path: string }): Promise<void> {
    for (const a of this.armed) {
      const r = a.rule;
      if (a.fired || (r.stage ?? 'request') !== stage || r.service !== req.service) continue;
      if (r.method.toUpperCase() !== req.method || !r.route.test(req.path)) continue;
      a.seen += 1;
      if (a.seen < (r.nth ?? 1)) continue;
      a.fired = true;
      a.arrive({ ...req, stage });
      await a.released;
    }
  }
}
