# After v0.0.3: the gateway image is gateway.vm_image_name, and the runner VM <name>-<runner.region>-runner-vm
# (zone runner.zone, the gateway's machine type, runner.vm_image_name, 30 GB pd-standard, tag runner-vm, no
# external address) is created when create_runner_vm is true.
variable "create_runner_vm" {
  type    = bool
  default = false
}

locals {
  gateway_image   = local.infra_config.gateway.vm_image_name
  runner_ssh_tags = ["runner-vm"]
  runner_region   = local.infra_config.runner.region
}

resource "google_compute_instance" "runner_vm" {
  count        = var.create_runner_vm ? 1 : 0
  name         = "${local.name}-${local.runner_region}-runner-vm"
  zone         = local.infra_config.runner.zone
  machine_type = local.gateway_machine_type
  tags         = ["runner-vm"]

  boot_disk {
    initialize_params {
      image = local.infra_config.runner.vm_image_name
      size  = 30
      type  = "pd-standard"
    }
  }

  network_interface {
    network    = google_compute_network.vpc_network.self_link
    subnetwork = [for s in google_compute_subnetwork.subnet : s.self_link if s.region == local.runner_region][0]
  }
}
