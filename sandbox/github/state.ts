/** A GitHub user as the REST API embeds it. */
export interface GithubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface GithubComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: GithubUser;
  created_at: string;
  updated_at: string;
  author_association: string;
}

export interface GithubIssue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: { id: number; name: string; color: string }[];
  user: GithubUser;
  url: string;
  html_url: string;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present on pull requests (GitHub lists them among issues). */
  pull_request?: { url: string; html_url: string };
}

/** Owned by the GitHub emulator: sandbox/index.ts reads token. */
export interface GithubState {
  /** The workflow's token (GITHUB_TOKEN): an installation token of the `github-actions[bot]` app. */
  token: string;
  /** Whom the workflow's token belongs to (comments it writes carry this login). */
  login: string;
  /** Every token the emulator accepts, and whom it belongs to: the workflow's, and users' (to forge comments). */
  identities: Map<string, GithubUser>;
  /** A personal token of another user (octocat), for tests that write as someone other than the workflow. */
  userToken: string;
  /** The workflow's token as a pull request from a fork gets it: read-only (every write answers 403). */
  readOnlyToken: string;
  /** `owner/repo` -> issues and pull requests, by number. */
  issues: Map<string, Map<number, GithubIssue>>;
  /** `owner/repo#number` -> comments, oldest first. */
  comments: Map<string, GithubComment[]>;
  /** `owner/repo#number` -> a pull request's commits (head, base, and its merge commit). */
  pullCommits: Map<string, PullCommits>;
  /** Comments on an issue or pull request (empty when none). */
  commentsOn(repository: string, issueNumber: number): GithubComment[];
}

/** The commits of a pull request: what `pulls/{n}` and `commits/{sha}/pulls` answer with. */
export interface PullCommits {
  headSha: string;
  baseSha: string;
  mergeCommitSha: string;
}
