#!/usr/bin/env node
// The `gitspaces` command. It runs the committed bundle (dist/cli/index.js), which is what users get and what
// test/dist proves current. Without dist/ (or with GITSPACES_CLI_FROM=src, for development) it runs the
// TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli/index.js', import.meta.url);
const from = process.env.GITSPACES_CLI_FROM || (existsSync(dist) ? 'dist' : 'src');

if (from === 'dist') {
  await import(dist.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { cli } = await import(new URL('../cli/main.ts', import.meta.url).href);
  process.exitCode = await cli(process.argv.slice(2));
}
// Done: a keep-alive socket or a sandbox child process must not hold the terminal (the timer itself does not).
setTimeout(() => process.exit(), 1000).unref();
