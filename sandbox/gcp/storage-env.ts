import { ENDPOINT_ENV } from '../../shared/endpoints.js';
import type { World } from '../world.js';
import type { GcpWorld } from './state.js';

/**
 * The environment that sends the product's storage client and Terraform's own gcs backend to the emulated
 * Cloud Storage. The backend reads `storage_custom_endpoint` from GOOGLE_BACKEND_STORAGE_CUSTOM_ENDPOINT and
 * `access_token` from GOOGLE_OAUTH_ACCESS_TOKEN (hashicorp/terraform internal/backend/remote-state/gcs/backend.go,
 * SDKLikeDefaults); the endpoint is the JSON API's base path, `<url>/storage/v1/`, as the Go client's
 * option.WithEndpoint expects. The token is one the sandbox's OAuth emulator issued to the service account,
 * valid for the sandbox's lifetime (a day), so Terraform never needs to reach Google's token endpoint.
 */
export function storageEnv(world: World): Record<string, string> {
  const gcp = world.gcp as GcpWorld;
  const url = world.urls.storage as string;
  return {
    [ENDPOINT_ENV.storage]: url,
    GOOGLE_BACKEND_STORAGE_CUSTOM_ENDPOINT: `${url}/storage/v1/`,
    GOOGLE_OAUTH_ACCESS_TOKEN: gcp.issueAccessToken(gcp.clientEmail, 86_400).token,
  };
}
