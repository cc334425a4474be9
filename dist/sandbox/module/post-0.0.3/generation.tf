# What the post-0.0.3 generation reads: gateway.vm_image_name and runner.{region,zone,vm_image_name}, and the
# runner VM <name>-<runner.region>-runner-vm it creates when create_runner_vm is true.
locals {
  gateway_image   = local.infra.gateway.vm_image_name
  runner_region   = local.infra.runner.region
  runner_zone     = local.infra.runner.zone
  runner_image    = local.infra.runner.vm_image_name
  runner_ssh_tags = ["runner-vm"]
}

resource "terraform_data" "runner_vm" {
  count = var.create_runner_vm ? 1 : 0
  input = {
    type         = "runner_vm"
    project      = local.project_id
    network      = local.network
    subnet       = local.subnet_name
    region       = local.runner_region
    zone         = local.runner_zone
    vm           = "${local.name}-${local.runner_region}-runner-vm"
    machine_type = "e2-standard-4"
    image        = local.runner_image
    key_file     = local.key_file_abs
    script       = local.world_script
  }
  triggers_replace = [local.project_id, local.network, local.runner_region, local.runner_zone, local.runner_image]
  depends_on       = [terraform_data.region]

  provisioner "local-exec" {
    command     = "node \"$GITSPACES_WORLD_SCRIPT\" apply"
    environment = { GITSPACES_WORLD_SPEC = jsonencode(self.input), GITSPACES_WORLD_SCRIPT = self.input.script }
  }
  provisioner "local-exec" {
    when        = destroy
    command     = "node \"$GITSPACES_WORLD_SCRIPT\" destroy"
    environment = { GITSPACES_WORLD_SPEC = jsonencode(self.input), GITSPACES_WORLD_SCRIPT = self.input.script }
  }
}
