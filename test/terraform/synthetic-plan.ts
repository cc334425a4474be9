import type { PlanJson, ResourceChange } from '../../shared/terraform/plan-render.js';

/** A plan with `n` resources: mostly creates, plus some updates, replacements and deletions. */
export function syntheticPlan(n: number): PlanJson {
  const rc: ResourceChange[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 50 === 0 ? 'replace' : i % 40 === 0 ? 'delete' : i % 10 === 0 ? 'update' : 'create';
    const address = `module.gitspaces.google_compute_instance.vm["gitspace-${String(i).padStart(5, '0')}"]`;
    const before = {
      name: `gitspace-${i}`,
      machine_type: 'e2-standard-4',
      zone: 'us-central1-a',
      labels: { team: 'platform', index: String(i) },
    };
    const after = {
      ...before,
      machine_type: i % 10 === 0 ? 'e2-standard-8' : 'e2-standard-4',
      metadata: { 'startup-script': '#!/bin/sh\necho hello' },
    };
    const actions = kind === 'replace' ? ['delete', 'create'] : [kind];
    rc.push({
      address,
      type: 'google_compute_instance',
      change: {
        actions,
        before: kind === 'create' ? null : before,
        after: kind === 'delete' ? null : after,
        after_unknown: kind === 'delete' ? {} : { id: true },
        before_sensitive: {},
        after_sensitive: {},
      },
    });
  }
  return { format_version: '1.2', resource_changes: rc, output_changes: {} };
}
