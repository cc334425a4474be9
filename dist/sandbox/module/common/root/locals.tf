locals {
  infra_config = yamldecode(file(var.infra_config_yaml_file))
  project_id   = local.infra_config.project.id
  name         = local.infra_config.name
  domain       = local.infra_config.domain
  vm_tags      = local.infra_config.gitspace_vm_tags
}
