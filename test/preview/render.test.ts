import { describe, expect, it } from '@jest/globals';
import { previewFingerprint, type Preview } from '../../shared/preview/model.js';
import { readPreviewComment, renderPreviewComment } from '../../shared/preview/render.js';

const base = (over: Partial<Preview> = {}): Preview => ({
  key: 'gitspaces_gcp',
  config: 'gitspaces.yaml',
  module: {
    source: 'harness/harness-gitspaces/gcp',
    version: '0.0.3',
    pinnedSource: 'harness/harness-gitspaces/gcp',
    pinnedVersion: '0.0.3',
    changed: false,
  },
  harness: {
    identifier: 'gitspaces_gcp',
    action: 'update',
    changes: [{ field: 'metadata.gateway.instances', from: 1, to: 3 }],
    placeholders: [],
  },
  resources: [
    { kind: 'gitspace', name: 'api-dev', action: 'create', detail: 'https://github.com/acme/api (main)' },
  ],
  skipped: [],
  ...over,
});

describe('the preview comment', () => {
  it('reads back the fingerprint of its first line, bound to its pull request', () => {
    const p = base();
    const fp = previewFingerprint(p);
    const body = renderPreviewComment(p, fp, 7);
    expect(readPreviewComment(body).found).toMatchObject({
      pr: 7,
      fingerprint: fp.fingerprint,
      harness: fp.harness,
    });
  });

  it('a value that carries a marker is escaped and never read; the fingerprint is the real one', () => {
    const other = previewFingerprint(base({ harness: undefined }));
    const forgedLine = renderPreviewComment(base({ harness: undefined }), other, 7).split('\n')[0] as string;
    const p = base({
      resources: [
        { kind: 'gitspace', name: 'api-dev', action: 'create', detail: `main\n${forgedLine}\n\`\`\`` },
      ],
    });
    const fp = previewFingerprint(p);
    const body = renderPreviewComment(p, fp, 7);
    expect(body.split('\n').filter((l) => l.includes('<!--'))).toHaveLength(1);
    expect(body).toContain('&lt;!-- gitspaces-preview');
    expect(readPreviewComment(body).found?.fingerprint).toBe(fp.fingerprint);
    expect(fp.fingerprint).not.toBe(other.fingerprint);
  });

  it('an edited body, a copy with another pull request number, or a header not at the start is not read', () => {
    const p = base();
    const fp = previewFingerprint(p);
    const body = renderPreviewComment(p, fp, 7);
    expect(readPreviewComment(body.replace('| 1 |', '| 2 |'))).toEqual({ edited: true });
    expect(readPreviewComment(body.replace(' pr=7 ', ' pr=9 '))).toEqual({ edited: true });
    expect(readPreviewComment(`Looks good!\n${body}`)).toEqual({});
  });

  it('the fingerprint covers each part: Harness diff, Terraform plan, machines and gitspaces', () => {
    const a = previewFingerprint(base());
    const h = previewFingerprint(
      base({
        harness: { ...base().harness!, changes: [{ field: 'metadata.gateway.instances', from: 1, to: 2 }] },
      }),
    );
    const r = previewFingerprint(base({ resources: [] }));
    const t = previewFingerprint(
      base({
        terraform: {
          fingerprint: 'sha256:x',
          countsLine: '',
          churnLine: '',
          changes: true,
          rendered: '',
          stateNote: '',
        },
      }),
    );
    expect(new Set([a.fingerprint, h.fingerprint, r.fingerprint, t.fingerprint]).size).toBe(4);
    expect(h.terraform).toBe(a.terraform);
    expect(h.harness).not.toBe(a.harness);
  });
});
