/**
 * GitHub's limits on what one step may show (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands):
 * - the job summary: "Job summaries are isolated between steps and each step is restricted to a maximum size of
 *   1MiB", beyond which the upload fails and the runner reports an error instead of the summary;
 * - annotations: GitHub shows at most 10 warning and 10 error annotations per step (the rest are dropped from the
 *   run's annotations; they stay in the log only).
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const ANNOTATIONS_PER_LEVEL = 10;

/** Room kept at the end of the summary for the truncation note and the annotations GitHub would not show. */
export const SUMMARY_RESERVE_BYTES = 32 * 1024;

/**
 * The part of `markdown` that fits when `used` bytes of the step's summary are taken: all of it, or a prefix
 * cut at a line boundary with a note saying what was left out and where the rest is.
 */
export function fitSummary(
  markdown: string,
  used: number,
  limit = SUMMARY_LIMIT_BYTES - SUMMARY_RESERVE_BYTES,
): { text: string; truncated: boolean } {
  const size = Buffer.byteLength(markdown, 'utf8');
  if (used + size <= limit) return { text: markdown, truncated: false };
  const note = `\n\n… (truncated: GitHub keeps at most 1 MiB of job summary per step; ${size} bytes were to be added to ${used}. The full text is in the step's log.)\n`;
  const room = limit - used - Buffer.byteLength(note, 'utf8');
  if (room <= 0) return { text: note.trimStart(), truncated: true };
  let cut = Buffer.from(markdown, 'utf8')
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const nl = cut.lastIndexOf('\n');
  if (nl > room / 2) cut = cut.slice(0, nl);
  // A cut inside a fenced block would swallow the note: close it.
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) cut += '\n```';
  return { text: cut + note, truncated: true };
}

export interface HeldAnnotation {
  level: 'error' | 'warning';
  message: string;
  title?: string;
}

/** The summary section listing the annotations GitHub would not have shown, most severe first. */
export function heldAnnotationsMarkdown(held: readonly HeldAnnotation[]): string {
  if (!held.length) return '';
  const sorted = [...held].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const lines = sorted.map(
    (a) => `- **${a.level}**${a.title ? ` ${a.title}` : ''}: ${a.message.replace(/\n+/g, ' ')}`,
  );
  return `## Annotations beyond GitHub's limit\n\nGitHub shows at most ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step; these ${held.length} were not shown as annotations:\n\n${lines.join('\n')}\n`;
}
