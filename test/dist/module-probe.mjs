// Runs one action from the sources the way its bundle entry does (runBundledAction of actions/bundle.ts) and
// writes every module URL the run resolves to the file PROBE_OUT: test/dist/lazy-load.test.ts reads it.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.PROBE_OUT, `${r.url}\n`);
  return r;
}

if (process.argv[2]) {
  register(import.meta.url);
  const { register: tsx } = await import('tsx/esm/api');
  tsx();
  const { runBundledAction } = await import(new URL('../../actions/bundle.ts', import.meta.url).href);
  await runBundledAction(process.argv[2]);
}
