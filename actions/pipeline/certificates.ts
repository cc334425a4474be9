/**
 * The pipeline's wait for the certificates (CERT-101 until every region's certificate is ACTIVE), run alongside
 * install-runner and create: Google provisions a managed certificate for up to an hour after the apply, and the
 * region's gitspace URLs serve HTTPS only once it is ACTIVE. The single terraform-apply action reports CERT-101
 * once, as a warning while PROVISIONING; the pipeline, which promises working gitspaces, waits for it, without
 * holding the runner's install or the gitspaces' start back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ActionIO } from '../../shared/action.js';
import { CERT_101, GateApis, gateInputsFor, gcpGateApis } from '../../shared/checks/after-apply.js';
import { infraConfigDefaultPath } from '../../shared/workspace.js';
import { loadConfig } from '../../shared/config/load.js';
import { createGcp } from '../../shared/gcp/index.js';
import type { CheckResult } from '../../shared/report/model.js';
import { formatDuration } from '../../shared/report/render.js';
import type { Task } from './overlap.js';

export const CERTIFICATES_TASK = 'certificates';

export interface CertificatesWait {
  task: Task;
  /** The last CERT-101 result of every region (for the summary). */
  checks: () => CheckResult[];
  /** One line on what it found. */
  summary: () => string;
}

/**
 * `outputs` are the pipeline's collected outputs (apply's `alb-ips`), `carried` the inputs handed on
 * (configure's `infra-config-path`); `gcpCredentials` the secret as the parent read it ('' for keyless).
 */
export function certificatesWait(opts: {
  io: ActionIO;
  after: string;
  input: (name: string) => string | undefined;
  outputs: Record<string, string>;
  gcpCredentials: string;
  apis?: GateApis;
}): CertificatesWait {
  const { io } = opts;
  let checks: CheckResult[] = [];
  let summary = 'not run';
  const run: Task['run'] = async (signal) => {
    const config = await loadConfig(opts.input('config') ?? 'gitspaces.yaml');
    const pollMs = io.inputs.duration('poll-interval', 10_000);
    // Google: provisioning "can take up to 60 minutes after your DNS and load balancer configuration changes
    // propagate" (https://cloud.google.com/certificate-manager/docs/troubleshooting).
    const timeoutMs = io.inputs.duration('certificate-timeout', 60 * 60_000);
    const infraConfigPath = resolve(
      opts.input('infra-config-path') || infraConfigDefaultPath(io.env, config.terraform.working_directory),
    );
    const setupYaml = existsSync(infraConfigPath) ? readFileSync(infraConfigPath, 'utf8') : '';
    const alb = JSON.parse(opts.outputs['alb-ips'] || '{}') as Record<string, string>;
    const g = await gateInputsFor(config, setupYaml, alb, () => io.clock.now());
    const gcp = opts.apis ? undefined : createGcp({ keyJson: opts.gcpCredentials, env: io.env, log: io.log });
    const apis = opts.apis ?? gcpGateApis(gcp as NonNullable<typeof gcp>);
    const started = io.clock.now();
    try {
      for (;;) {
        checks = await CERT_101.run(apis, g);
        const failed = checks.find((c) => c.status === 'error');
        const waiting = checks.filter((c) => c.status === 'warn');
        if (failed) {
          summary = `${failed.title}: ${failed.observed}`;
          return { status: 'failed', reason: `CERT-101 ${summary}. Fix: ${failed.fix}` };
        }
        if (!waiting.length) {
          summary = checks.every((c) => c.status === 'skip')
            ? 'no managed certificates in this configuration'
            : `every region's certificate ACTIVE (${checks.length})`;
          return { status: 'ok' };
        }
        summary = `${waiting.length} certificate(s) still PROVISIONING`;
        if (signal.aborted) return { status: 'skipped', reason: 'stopped waiting: another phase failed' };
        if (io.clock.now() - started >= timeoutMs) {
          const w = waiting[0] as CheckResult;
          return {
            status: 'failed',
            reason: `CERT-101 ${w.title}: still ${w.observed} after ${formatDuration(timeoutMs)} (certificate-timeout). Fix: ${w.fix}`,
          };
        }
        await io.clock.sleep(pollMs);
      }
    } finally {
      await gcp?.close();
    }
  };
  return {
    task: { id: CERTIFICATES_TASK, after: [opts.after], run },
    checks: () => checks,
    summary: () => summary,
  };
}
