import { scrubSecrets } from '../../shared/secrets.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import type { PreflightOptions } from '../../shared/checks/index.js';
import { readConfigText } from '../../shared/config/load.js';
import type { Exec } from '../../shared/checks/types.js';
import type { DnsClient } from '../../shared/dns/query.js';
import { ENDPOINT_ENV } from '../../shared/endpoints.js';
import { CheckResult, Report, checkVerdict, countByStatus } from '../../shared/report/model.js';
import { renderChecksMarkdown } from '../../shared/report/render.js';

export const TOOL = 'gitspaces validate-prereqs';
export const VERSION = '0.1.0';

/** Collaborators a test may replace (everything else comes from inputs and the environment). */
export interface ValidateDeps {
  exec?: Exec;
  dns?: DnsClient;
  /** Bound on concurrent checks. */
  concurrency?: number;
  enableDeadlineMs?: number;
}

/** Removes every secret from text that leaves the process (report, summary), whatever a check wrote. */
function scrubber(secrets: (string | undefined)[]): (text: string) => string {
  const list = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < 8) continue;
    list.add(s);
    list.add(s.replace(/\n/g, '\\n'));
    for (const line of s.split(/\r?\n/))
      if (line.trim().length >= 16 && !/^-----/.test(line.trim())) list.add(line.trim());
  }
  const sorted = [...list].sort((a, b) => b.length - a.length);
  // Then what the process registered since (access tokens, JWT assertions) and credential-shaped strings.
  return (text) => scrubSecrets(sorted.reduce((t, s) => t.split(s).join('***'), text));
}

export function exitCodeFor(checks: readonly CheckResult[], failOn: 'error' | 'warn'): number {
  if (checks.some((c) => c.id === 'CFG-001' && c.status === 'error')) return 2;
  const n = countByStatus(checks);
  if (n.error > 0 || (failOn === 'warn' && n.warn > 0)) return 1;
  return 0;
}

export async function main(io: ActionIO, deps: ValidateDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const keyJson = inp.secret('gcp-credentials');
  const serviceAccountEmail = inp.optional('gcp-service-account-email');
  const harnessApiKey = inp.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
  if (harnessApiKey) io.log.mask(harnessApiKey);
  const configPath = inp.optional('config', 'gitspaces.yaml');
  const failOn = inp.oneOf('fail-on', ['error', 'warn'] as const, 'error');
  const enableApis = inp.boolean('enable-apis', false);
  const importExisting = inp.boolean('import-existing', false);
  const resolvers = inp.list('dns-resolvers');
  const reportPath = resolve(
    inp.optional('report-path', join(io.env.RUNNER_TEMP || '.', 'gitspaces-preflight.json')),
  );
  const env: Record<string, string | undefined> = { ...io.env };
  if (resolvers.length) env[ENDPOINT_ENV.dnsResolvers] = resolvers.join(',');

  io.log.info(
    `Preflight of ${configPath}${enableApis ? ' (enable-apis: true: missing APIs will be enabled)' : ' (read-only)'}`,
  );
  // A config file that cannot be read stops here, as in every action (exit 2), before the checks and their
  // clients are loaded; they load only once every input has been read and checked.
  const configText = await readConfigText(configPath);
  const opts: PreflightOptions = {
    configPath,
    configText,
    env,
    log: io.log,
    clock: io.clock,
    keyJson: keyJson || undefined,
    serviceAccountEmail: serviceAccountEmail || undefined,
    harnessApiKey: harnessApiKey || undefined,
    enableApis,
    importExisting,
    exec: deps.exec,
    dns: deps.dns,
    enableDeadlineMs: deps.enableDeadlineMs,
  };
  const { runPreflight } = await import('../../shared/checks/index.js');
  const { checks, context } = await runPreflight({ ...opts, concurrency: deps.concurrency });
  const privateKey =
    context.gcp.ok && context.gcp.gcp.credentials.kind === 'service_account'
      ? context.gcp.gcp.credentials.privateKey
      : undefined;
  const scrub = scrubber([keyJson, harnessApiKey, privateKey]);
  const safe = checks.map((c) => ({
    ...c,
    observed: scrub(c.observed),
    expected: scrub(c.expected),
    fix: scrub(c.fix),
  }));

  const n = countByStatus(safe);
  const exitCode = exitCodeFor(safe, failOn);
  const verdict = checkVerdict(safe);
  const outputs = {
    ok: String(exitCode === 0),
    errors: String(n.error),
    warnings: String(n.warn),
    'report-path': reportPath,
  };
  const phase = {
    name: 'validate',
    status: exitCode === 0 ? ('ok' as const) : ('failed' as const),
    startedAt,
    durationMs: io.clock.now() - startedAt,
    summary: `${n.ok} passed, ${n.warn} warning(s), ${n.error} error(s), ${n.skip} skipped`,
    details: safe.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.observed}`),
  };
  const report: Report = {
    tool: TOOL,
    version: VERSION,
    generatedAt: new Date(io.clock.now() || Date.now()).toISOString(),
    verdict,
    checks: safe,
    phases: [phase],
    outputs,
  };
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, scrub(JSON.stringify(report, null, 2)) + '\n', 'utf8');

  // The most severe first: GitHub shows only 10 annotations of each level per step (shared/step-limits.ts).
  for (const c of safe)
    if (c.status === 'error')
      io.log.error(`${c.observed}\nExpected: ${c.expected}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
  for (const c of safe)
    if (c.status === 'warn') io.log.warning(`${c.observed}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
  io.log.info(verdict);
  const summary =
    renderChecksMarkdown('Gitspaces preflight', verdict, safe) +
    `\nJSON report: \`${reportPath}\`${failOn === 'warn' ? ' (fail-on: warn)' : ''}\n`;
  await io.appendSummary(scrub(summary));
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  if (exitCode !== 0)
    io.setFailed(
      exitCode === 2
        ? `The config file is invalid (CFG-001): ${safe[0]?.observed ?? ''}`
        : `Preflight failed: ${verdict}`,
    );
  return { outputs, phase, checks: safe, exitCode };
}
