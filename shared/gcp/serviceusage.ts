import { Clock, realClock } from '../clock.js';
import { RemoteError } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { waitFor } from '../retry.js';
import type { GcpRest } from './rest.js';

export type ServiceState = 'ENABLED' | 'DISABLED' | 'STATE_UNSPECIFIED';

/** A google.longrunning.Operation as Service Usage returns it. */
export interface ServiceUsageOperation {
  name: string;
  done?: boolean;
  error?: { code?: number; message?: string };
  response?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

interface ServiceItem {
  name?: string;
  state?: string;
  config?: { name?: string; title?: string };
}

/** Service Usage v1 (https://cloud.google.com/service-usage/docs/reference/rest/v1/services). */
export class ServiceUsage {
  /** batchGet takes at most this many names per call. */
  static readonly BATCH = 30;
  constructor(private readonly rest: GcpRest) {}

  /**
   * The state of each service (`compute.googleapis.com` ...) in `project` (id or number), through
   * `services:batchGet` in batches of 30. Services the API does not return are missing from the map.
   */
  async batchGetStates(project: string, services: readonly string[]): Promise<Map<string, ServiceState>> {
    const out = new Map<string, ServiceState>();
    const unique = [...new Set(services)];
    for (let i = 0; i < unique.length; i += ServiceUsage.BATCH) {
      const chunk = unique.slice(i, i + ServiceUsage.BATCH);
      const body = await this.rest.get<{ services?: ServiceItem[] }>(
        'serviceUsage',
        `/v1/projects/${enc(project)}/services:batchGet`,
        {
          names: chunk.map((s) => `projects/${project}/services/${s}`),
        },
      );
      for (const item of body.services ?? []) {
        const id = item.config?.name ?? item.name?.split('/').pop();
        if (id) out.set(id, normaliseState(item.state));
      }
    }
    return out;
  }

  /** One service's state (`GET /v1/projects/{p}/services/{service}`). */
  async getState(project: string, service: string): Promise<ServiceState> {
    const item = await this.rest.get<ServiceItem>(
      'serviceUsage',
      `/v1/projects/${enc(project)}/services/${enc(service)}`,
    );
    return normaliseState(item.state);
  }

  /** Starts enabling services (at most 20 per call, Google's limit); returns the operation name. */
  async batchEnable(project: string, serviceIds: readonly string[]): Promise<string> {
    // Sent again after a transient failure: enabling a service that is already enabled changes nothing (the
    // operation of a replay simply completes), https://cloud.google.com/service-usage/docs/reference/rest/v1/services/batchEnable.
    const op = await this.rest.request<ServiceUsageOperation>(
      'POST',
      'serviceUsage',
      `/v1/projects/${enc(project)}/services:batchEnable`,
      { serviceIds: [...serviceIds] },
      undefined,
      true,
    );
    if (op.done && op.error) throw operationError(op);
    return op.name;
  }

  async getOperation(name: string): Promise<ServiceUsageOperation> {
    return this.rest.get<ServiceUsageOperation>('serviceUsage', `/v1/${name.replace(/^\/+/, '')}`);
  }

  /** Polls `GET /v1/{name}` until the operation is done; throws its error, or WaitTimeoutError at the deadline. */
  async waitOperation(
    name: string,
    opts: { deadlineMs: number; clock?: Clock; log?: Logger; intervalMs?: number },
  ): Promise<ServiceUsageOperation> {
    // Google answers `operations/noop.DONE_OPERATION` when there was nothing to do.
    if (/noop\.DONE_OPERATION$/.test(name)) return { name, done: true };
    const op = await waitFor<ServiceUsageOperation>(
      async () => {
        const current = await this.getOperation(name);
        return { done: Boolean(current.done), state: current.done ? 'done' : 'running', value: current };
      },
      {
        describe: `Service Usage operation ${name}`,
        deadlineMs: opts.deadlineMs,
        intervalMs: opts.intervalMs ?? 2000,
        factor: 1.5,
        maxIntervalMs: 10_000,
        clock: opts.clock ?? realClock,
        log: opts.log ?? nullLogger,
        fix: 'Check the operation in the Cloud Console (APIs & Services); enabling an API usually takes under a minute.',
      },
    );
    if (op.error) throw operationError(op);
    return op;
  }
}

function normaliseState(s: string | undefined): ServiceState {
  return s === 'ENABLED' || s === 'DISABLED' ? s : 'STATE_UNSPECIFIED';
}

function operationError(op: ServiceUsageOperation): RemoteError {
  return new RemoteError(
    'serviceUsage',
    200,
    `Operation ${op.name} failed: ${op.error?.message ?? 'unknown error'} (code ${op.error?.code ?? '?'})`,
    op,
  );
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
