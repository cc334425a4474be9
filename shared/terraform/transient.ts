/**
 * Terraform failures that come only from the network or the services' transient answers, which neither
 * Terraform nor the Google provider retries in every case:
 * - the provider does not send a POST again after a dropped connection (Go's `Post "...": EOF`: net/http replays
 *   only GET/HEAD, `http.Request.isReplayable`, and `EOF` is not among the provider's retry predicates,
 *   google/transport/error_retry_predicates.go);
 * - Terraform's gcs backend writes the state object without a generation precondition, which the Cloud Storage
 *   Go client does not retry on 429/5xx (its default policy retries only idempotent calls,
 *   https://cloud.google.com/storage/docs/retry-strategy#idempotency-operations), so a throttled or failed state
 *   write fails `terraform init` or `apply`.
 * Such a command is safe to run again: init and plan change nothing remote but the state lock, and a failed
 * apply is followed by a new plan (what was applied is in the state).
 */
const TRANSIENT =
  /: EOF\b|connection reset by peer|i\/o timeout|TLS handshake timeout|googleapi: Error (429|500|502|503)\b|rateLimitExceeded|Quota exceeded for quota metric '.*' and limit '.* per minute'/;

/** True when terraform reported errors and every `Error:` block is a transient remote failure. */
export function onlyTransientErrors(text: string): boolean {
  const blocks = text.split(/^Error: /m).slice(1);
  return blocks.length > 0 && blocks.every((b) => TRANSIENT.test(b));
}
