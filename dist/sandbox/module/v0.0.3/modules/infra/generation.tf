# v0.0.3 resolves the gateway image from gateway.vm_image.{family,project}; no runner VM in this generation.
data "google_compute_image" "latest_image" {
  family  = local.infra_config.gateway.vm_image.family
  project = local.infra_config.gateway.vm_image.project
}

locals {
  gateway_image   = data.google_compute_image.latest_image.self_link
  runner_ssh_tags = []
}
