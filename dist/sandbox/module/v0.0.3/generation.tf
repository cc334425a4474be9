# What v0.0.3 reads that the later generation does not: gateway.vm_image.{family,project} (resolved by a
# data "google_compute_image" in the real module) and runner.vm_image. No runner VM in this generation.
locals {
  gateway_image   = "projects/${local.infra.gateway.vm_image.project}/global/images/family/${local.infra.gateway.vm_image.family}"
  runner_image    = local.infra.runner.vm_image
  runner_ssh_tags = []
}
