import { appliedSandbox, recordingIO } from './helpers.js';
import { main } from '../../actions/install-runner/main.js';

test('smoke', async () => {
  const { sb, poolPath, keyJson, config } = await appliedSandbox({ harness: { gatewayHealthyAfterMs: 1000 } });
  try {
    console.log(JSON.stringify(sb.world.harness.gatewayDiagnostics('gitspaces_gcp')));
    const io = recordingIO({ 'gcp-credentials': keyJson, 'pool-yaml-path': poolPath, 'poll-interval': '200ms', 'runner-timeout': '30s', 'delegate-timeout': '10s', 'gateway-timeout': '10s' }, sb.env);
    const r = await main(io, { config });
    console.log(io.log.text());
    console.log(JSON.stringify(r, null, 1));
    console.log(io.summaries.join('\n'));
    const m = sb.world.vm.machine?.('projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm');
    console.log(m?.log);
    console.log(io.failures);
  } finally {
    await sb.stop();
  }
});
