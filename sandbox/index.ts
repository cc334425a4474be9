import { startControl } from './core/control.js';
import { Faults } from './core/faults.js';
import type { Holds } from './core/holds.js';
import { Journal } from './core/journal.js';
import type { Service } from './core/http.js';
import { createScratchDir, releaseScratchDir } from './core/scratch.js';
import { DeepPartial, Scenario, loadScenario } from './scenario.js';
import type { World } from './world.js';
import { startGcp, createGcpState } from './gcp/index.js';
import { startHarness, createHarnessState } from './harness/index.js';
import { startGithub, createGithubState } from './github/index.js';
import { startDns } from './dns/index.js';
import { storageEnv } from './gcp/storage-env.js';
import { createVmState } from './vm/index.js';
import { ENDPOINT_ENV } from '../shared/endpoints.js';
import { standInModuleDir } from './module/locate.js';
import { installStandInProviders } from './provider/install.js';

export interface Sandbox {
  scenario: Scenario;
  world: World;
  journal: Journal;
  faults: Faults;
  /** Requests to stop at, unanswered, so a test can kill its client at a named point (core/holds.ts). */
  holds: Holds;
  /** Base URL of every emulated service, and host:port of the DNS server. */
  urls: Record<string, string>;
  /** The environment that points the bundle at this sandbox (endpoints, credentials, tokens). */
  env: Record<string, string>;
  /** Secrets this sandbox issued, so tests can assert they never leak. */
  secrets: {
    harnessApiKey: string;
    /** A Harness key whose role may only view (what a preview job gets): every write answers 403. */
    harnessViewApiKey: string;
    /** The workflow's token (GITHUB_TOKEN, the `github-actions[bot]` identity). */
    githubToken: string;
    /** A token of another user (octocat): what a test uses to write a comment that is not the workflow's. */
    githubUserToken: string;
    /** The workflow's token as a fork's pull request gets it: read-only, every write answers 403. */
    githubReadOnlyToken: string;
    serviceAccountPrivateKey: string;
  };
  /** Files it wrote: the service-account key JSON, and an external_account (keyless) credential file. */
  files: { serviceAccountKey: string; externalAccount: string };
  dir: string;
  stop(): Promise<void>;
}

export interface SandboxOptions {
  scenario?: string | DeepPartial<Scenario>;
  /** Keep the scratch directory after stop and after the process ends (for debugging). */
  keepDir?: boolean;
}

/** Starts every emulator on 127.0.0.1 with the scenario's world. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const scenario = loadScenario(opts.scenario ?? 'healthy');
  const dir = createScratchDir(opts.keepDir);
  const journal = new Journal();
  const faults = new Faults(scenario.faults, scenario.seed, scenario.requestLatencyMs);
  const world = { scenario, journal, faults, dir, urls: {} } as World;
  world.gcp = createGcpState(world);
  world.harness = createHarnessState(world);
  world.vm = createVmState(world);
  world.github = createGithubState(world);
  const services: Service[] = [];
  const closers: (() => Promise<void>)[] = [];
  services.push(...(await startGcp(world)));
  services.push(...(await startHarness(world)));
  services.push(...(await startGithub(world)));
  const dns = await startDns(world);
  closers.push(dns.close);
  const control = await startControl(journal);
  services.push(control);
  const secrets = {
    harnessApiKey: world.harness.apiKey,
    harnessViewApiKey: world.harness.viewApiKey,
    githubToken: world.github.token,
    githubUserToken: world.github.userToken,
    githubReadOnlyToken: world.github.readOnlyToken,
    serviceAccountPrivateKey: world.gcp.privateKeyPem,
  };
  const env: Record<string, string> = {
    [ENDPOINT_ENV.googleTokenUrl]: `${world.urls.oauth}/token`,
    [ENDPOINT_ENV.serviceUsage]: world.urls.serviceusage as string,
    [ENDPOINT_ENV.resourceManager]: world.urls.resourcemanager as string,
    [ENDPOINT_ENV.iam]: world.urls.iam as string,
    [ENDPOINT_ENV.compute]: world.urls.compute as string,
    [ENDPOINT_ENV.cloudDns]: world.urls.clouddns as string,
    [ENDPOINT_ENV.certificateManager]: world.urls.certificatemanager as string,
    [ENDPOINT_ENV.harness]: world.urls.harness as string,
    [ENDPOINT_ENV.github]: world.urls.github as string,
    [ENDPOINT_ENV.dnsResolvers]: world.urls.dns as string,
    [ENDPOINT_ENV.dnsAuthoritativeOverride]: world.urls.dns as string,
    // Not read by the bundle: for checks in other processes that assert on the journal (core/control.ts).
    GITSPACES_SANDBOX_CONTROL_URL: control.url,
    GOOGLE_APPLICATION_CREDENTIALS: world.gcp.keyFile,
    HARNESS_API_KEY: world.harness.apiKey,
    GITHUB_TOKEN: world.github.token,
    GITHUB_REPOSITORY: scenario.github.repository,
    // The merge commit of the scenario's pull request: a push event with this GITHUB_SHA has a pull request
    // (commits/{sha}/pulls), any other sha has none.
    GITHUB_SHA: world.github.pullCommits.get(`${scenario.github.repository}#${scenario.github.pullRequest}`)
      ?.mergeCommitSha as string,
    // Another user's token (not read by the bundle): for checks that forge a comment the workflow did not write.
    // A Harness key that may only view (not read by the bundle): the preview job's key in least-privilege checks.
    GITSPACES_SANDBOX_HARNESS_VIEW_KEY: world.harness.viewApiKey,
    GITSPACES_SANDBOX_GITHUB_USER_TOKEN: world.github.userToken,
    // The workflow's token of a fork's pull request (read-only: writes answer 403), for fork scenarios.
    GITSPACES_SANDBOX_GITHUB_READONLY_TOKEN: world.github.readOnlyToken,
    // The stand-in Terraform module, as a module mirror (one directory per generation); a CLI config of our own
    // (no ~/.terraformrc leaks in) that takes hashicorp/google and hashicorp/null from the stand-in providers.
    GITSPACES_TF_MODULE_MIRROR: standInModuleDir(),
    TF_CLI_CONFIG_FILE: installStandInProviders(dir).cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    GITSPACES_TF_PROVIDERS: 'none',
    ...storageEnv(world),
  };
  return {
    scenario,
    world,
    journal,
    faults,
    holds: faults.holds,
    urls: world.urls,
    env,
    secrets,
    files: {
      serviceAccountKey: world.gcp.keyFile,
      externalAccount: (world.gcp as { externalAccountFile?: string }).externalAccountFile ?? '',
    },
    dir,
    async stop() {
      await Promise.all([...services.map((s) => s.close()), ...closers.map((c) => c())]);
      releaseScratchDir(dir, opts.keepDir);
    },
  };
}
