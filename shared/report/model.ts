/** The result of one check (preflight, or a health gate after a step). */
export type CheckStatus = 'ok' | 'warn' | 'error' | 'skip';

export interface CheckResult {
  /** Stable id such as `API-002`; the family is the part before the dash. */
  id: string;
  title: string;
  status: CheckStatus;
  observed: string;
  expected: string;
  /** What to do when the status is warn or error; why it was skipped for skip. */
  fix: string;
  docUrl: string;
  durationMs: number;
}

/** One phase of the pipeline (validate, configure, plan, apply, install-runner, create, teardown). */
export interface PhaseResult {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  startedAt: number;
  durationMs: number;
  /** A line for the summary: what it did ("created infra provider gitspaces"). */
  summary: string;
  changes?: { created: number; updated: number; deleted: number };
  details?: string[];
}

export interface Report {
  tool: string;
  version: string;
  generatedAt: string;
  verdict: string;
  checks: CheckResult[];
  phases: PhaseResult[];
  outputs?: Record<string, string>;
}

export const STATUS_ICON: Record<CheckStatus, string> = { ok: '✅', warn: '⚠️', error: '❌', skip: '⏭️' };

export function family(id: string): string {
  return id.split('-')[0] ?? id;
}

export function countByStatus(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, error: 0, skip: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

export function checkVerdict(checks: readonly CheckResult[]): string {
  const n = countByStatus(checks);
  if (n.error > 0)
    return `❌ ${n.error} error(s), ${n.warn} warning(s): fix the errors below before anything is created.`;
  if (n.warn > 0) return `⚠️ Ready, with ${n.warn} warning(s) to review (${n.ok} passed, ${n.skip} skipped).`;
  return `✅ All ${n.ok} checks passed${n.skip ? ` (${n.skip} skipped)` : ''}: ready to set up Gitspaces.`;
}
