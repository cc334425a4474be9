/** Values the config and the action inputs share, without zod: importing them does not load the config parser. */
export const IDES = [
  'vs_code',
  'vs_code_web',
  'cursor',
  'windsurf',
  'intellij',
  'pycharm',
  'goland',
  'webstorm',
  'clion',
  'phpstorm',
  'rubymine',
  'rider',
] as const;
export const REPO_TYPES = [
  'github',
  'gitlab',
  'bitbucket',
  'harness_code',
  'unknown',
  'github_enterprise',
  'gitlab_on_prem',
  'bitbucket_server',
] as const;
