# The stand-in for harness/harness-gitspaces/gcp post-0.0.3 (main, commit 88a9866): the real module's body (root, ./modules/infra,
# ./modules/domain) with the real resource types at the real addresses, run by the sandbox's stand-in
# google and null providers. See ../README.md for what differs.

provider "google" {
  credentials = file(var.service_account_key_file)
  project     = local.project_id
}

locals {
  runner_image = local.infra_config.runner.vm_image_name
}

module "infra" {
  source                      = "./modules/infra"
  infra_config_yaml_file      = var.infra_config_yaml_file
  project_id                  = local.project_id
  use_gcp_certificate_manager = var.use_gcp_certificate_manager
  manage_dns_zone             = var.manage_dns_zone
  private_key_path            = var.private_key_path
  certificate_path            = var.certificate_path
  create_runner_vm            = var.create_runner_vm
  depends_on                  = [module.domain]
}

module "domain" {
  count                       = var.manage_dns_zone ? 1 : 0
  source                      = "./modules/domain"
  infra_config_yaml_file      = var.infra_config_yaml_file
  project_id                  = local.project_id
  use_gcp_certificate_manager = var.use_gcp_certificate_manager
}
