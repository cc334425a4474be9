/**
 * Jest setup: the tests run on GitHub runners too (CI), whose environment names the CI run's own event
 * (GITHUB_EVENT_NAME=push, GITHUB_EVENT_PATH). The bundle reads those (a push is gated on a reviewed preview,
 * a pull_request event gets comments), so a test that spreads process.env would act on the CI's event: each test
 * sets the event it means, or none.
 */
delete process.env.GITHUB_EVENT_NAME;
delete process.env.GITHUB_EVENT_PATH;
