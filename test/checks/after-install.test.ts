/** The after-install gates (RUN-101, DLG-101, GW-101): what one poll of each concludes. */
import {
  observeDelegate,
  observeGateways,
  observeRunner,
  parseProgress,
} from '../../shared/checks/after-install.js';

test('RUN-101 ignores reports of an earlier run and stops at a failed step', () => {
  const old = parseProgress({
    'gitspaces/run-id': 'r1',
    'gitspaces/status': 'ok',
    'gitspaces/runner-health': 'ok',
  });
  expect(observeRunner(old, 'r2')).toMatchObject({
    done: false,
    state: 'VM rebooting (last report from an earlier run, r1)',
  });
  const failed = parseProgress({
    'gitspaces/run-id': 'r2',
    'gitspaces/docker': 'failed:download of get.docker.com failed',
    'gitspaces/status': 'failed:docker',
  });
  expect(observeRunner(failed, 'r2')).toMatchObject({
    done: false,
    failed: true,
    failedStep: 'docker',
    state: 'step docker: failed:download of get.docker.com failed',
  });
});

test('DLG-101 says when no delegate ever connected, and when it connected without the selector', () => {
  expect(observeDelegate([], 'd', 'tok', ['gitspaces'])).toMatchObject({
    done: false,
    state: 'no delegate has connected with token tok yet',
  });
  const down = [
    {
      groupName: 'd',
      activelyConnected: false,
      connectivityStatus: 'disconnected',
      lastHeartBeat: 0,
      tags: ['gitspaces'],
    },
  ];
  expect(observeDelegate(down, 'd', 'tok', ['gitspaces'])).toMatchObject({
    done: false,
    state: 'delegate d: disconnected, never heartbeated',
  });
  const up = [
    { ...down[0]!, activelyConnected: true, connectivityStatus: 'connected', tags: ['other', 'd'] },
  ];
  expect(observeDelegate(up, 'd', 'tok', ['gitspaces'])).toMatchObject({
    failed: true,
    state: 'delegate d connected with tags [other, d], but the infrastructure selects [gitspaces]',
  });
  expect(observeDelegate(up, 'd', 'tok', ['d'])).toMatchObject({ done: true });
});

test('GW-101 needs every region healthy at the expected version', () => {
  const gw = (region: string, overall: string, version: string) => ({
    region,
    name: `g-${region}`,
    overall_health: overall,
    health: overall,
    envoy_health: 'healthy',
    version,
  });
  expect(
    observeGateways([gw('us-central1', 'healthy', '1.16.0')], ['us-central1', 'europe-west1'], '1.16.0'),
  ).toMatchObject({
    done: false,
    state:
      'us-central1: healthy (health healthy, envoy healthy, version 1.16.0); europe-west1: no gateway has reported yet',
  });
  expect(observeGateways([gw('us-central1', 'healthy', '1.15.0')], ['us-central1'], '1.16.0')).toMatchObject({
    done: false,
    state: 'us-central1: healthy (health healthy, envoy healthy, version 1.15.0, expected 1.16.0)',
  });
  expect(observeGateways([gw('us-central1', 'healthy', '1.16.0')], ['us-central1'], '1.16.0').done).toBe(
    true,
  );
});
