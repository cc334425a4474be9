# Stand-in for harness/harness-gitspaces/gcp, made only of Terraform's built-in pieces (terraform_data,
# local-exec, locals, yamldecode, file) so that the real terraform binary can init, plan and apply it offline.
# Shared by both interface generations: each generation directory links this file and adds its own
# variables.tf and generation.tf (the YAML keys that differ).
# It reads the Infra Config YAML where the real module reads its keys, so a YAML of the other generation
# fails inside yamldecode attribute access as the real one does. GCP resources are created in whatever
# Google endpoint the environment names (GITSPACES_*_URL, the sandbox) by world.mjs, a plain REST client
# that authenticates with the service-account key. See ../README.md for where it deliberately differs.
# This file is the same in every generation; generation.tf holds what differs.

locals {
  infra = yamldecode(file(var.infra_config_yaml_file))

  name                             = local.infra.name
  domain                           = local.infra.domain
  account_identifier               = local.infra.account_identifier
  infra_provider_config_identifier = local.infra.infra_provider_config_identifier
  gitspace_vm_tags                 = local.infra.gitspace_vm_tags
  project_id                       = local.infra.project.id
  service_account                  = local.infra.project.service_account

  gateway_instances     = local.infra.gateway.instances
  gateway_machine_type  = local.infra.gateway.machine_type
  gateway_vm_tags       = local.infra.gateway.vm_tags
  gateway_shared_secret = local.infra.gateway.shared_secret
  cde_manager_url       = local.infra.gateway.cde_manager_url
  gateway_version       = local.infra.gateway.version
  whitelist_ip_ranges   = lookup(local.infra.gateway, "whitelist_ip_ranges", ["0.0.0.0/0"])

  regions = {
    for key, r in local.infra.region_configs : key => {
      region_name             = r.region_name
      default_subnet_ip_range = r.default_subnet_ip_range
      proxy_subnet_ip_range   = r.proxy_subnet_ip_range
      domain                  = r.certificates.contents[0].domain
    }
  }

  network      = "${local.name}-network"
  network_id   = "projects/${local.project_id}/global/networks/${local.network}"
  subnet_name  = "harnessdefault"
  zone_name    = replace(local.domain, ".", "-")
  key_file_abs = abspath(var.service_account_key_file)
  world_script = "${path.module}/world.mjs"

  # Addresses are derived from the names so that they are known at plan time (the real module reserves them
  # with google_compute_address; the sandbox's Compute honours an explicit address).
  region_hash = { for key, r in local.regions : key => sha256("${local.project_id}/${local.name}/${r.region_name}") }
  alb_ips = {
    for key, h in local.region_hash : key => format("34.%d.%d.%d", parseint(substr(h, 0, 2), 16) % 64 + 64, parseint(substr(h, 2, 2), 16), parseint(substr(h, 4, 2), 16) % 254 + 1)
  }
  nlb_ips = {
    for key, h in local.region_hash : key => format("35.%d.%d.%d", parseint(substr(h, 6, 2), 16) % 64 + 64, parseint(substr(h, 8, 2), 16), parseint(substr(h, 10, 2), 16) % 254 + 1)
  }

  sub_networks = {
    for key, r in local.regions : key => {
      id            = "projects/${local.project_id}/regions/${r.region_name}/subnetworks/${local.subnet_name}"
      name          = local.subnet_name
      region        = r.region_name
      ip_cidr_range = r.default_subnet_ip_range
      network       = local.network_id
    }
  }

  # The real gateway suffix is <version>-<substr(uuid(), 0, 8)>, new on every plan; the stand-in hashes what the
  # template is made of instead, so that a second plan of an unchanged stack is empty.
  gateway_suffix = "${replace(local.gateway_version, ".", "-")}-${substr(sha256(jsonencode([local.gateway_version, local.gateway_machine_type, local.gateway_image, local.gateway_vm_tags, local.cde_manager_url, local.account_identifier, local.infra_provider_config_identifier])), 0, 8)}"

  firewall_target_ssh = concat(local.gateway_vm_tags, local.gitspace_vm_tags, local.runner_ssh_tags)
  firewalls = [
    { name = "${local.name}-network-egress-web", direction = "EGRESS", priority = 1000, allowed = [{ IPProtocol = "tcp", ports = ["80", "443"] }], destinationRanges = ["0.0.0.0/0"] },
    { name = "${local.name}-network-egress-google-apis", direction = "EGRESS", priority = 1000, allowed = [{ IPProtocol = "all" }], destinationRanges = ["199.36.153.4/30"] },
    { name = "${local.name}-network-egress-all", direction = "EGRESS", priority = 1000, allowed = [{ IPProtocol = "all" }], destinationRanges = ["0.0.0.0/0"] },
    { name = "${local.name}-network-health-checks", direction = "INGRESS", priority = 800, allowed = [{ IPProtocol = "tcp", ports = ["80", "443"] }], sourceRanges = ["0.0.0.0/0"] },
    { name = "${local.name}-network-deny-gitspaces", direction = "INGRESS", priority = 1000, denied = [{ IPProtocol = "all" }], sourceRanges = ["0.0.0.0/0"], targetTags = local.gitspace_vm_tags },
    { name = "${local.name}-network-gateway-to-gitspaces", direction = "INGRESS", priority = 900, allowed = [{ IPProtocol = "tcp" }], sourceRanges = ["10.0.0.0/8"], sourceTags = local.gateway_vm_tags, targetTags = local.gitspace_vm_tags },
    { name = "${local.name}-network-iap-ssh", direction = "INGRESS", priority = 800, allowed = [{ IPProtocol = "tcp", ports = ["22"] }], sourceRanges = ["35.235.240.0/20"], targetTags = local.firewall_target_ssh },
    {
      name         = "${local.name}-network-gateway-ingress", direction = "INGRESS", priority = 600,
      allowed      = [{ IPProtocol = "tcp", ports = ["80", "443", "2117", "2118", "2200-65000"] }],
      sourceRanges = concat(local.whitelist_ip_ranges, [for ip in values(local.alb_ips) : "${ip}/32"], [for ip in values(local.nlb_ips) : "${ip}/32"]),
      targetTags   = local.gateway_vm_tags
    },
  ]

  instance_yaml = yamlencode({
    version   = "1"
    timestamp = terraform_data.created_at.output
    instances = [
      for key, s in local.sub_networks : {
        name     = "${local.name}-${s.region}"
        type     = "google"
        pool     = 0
        limit    = 1000
        platform = { os = "linux", arch = "amd64" }
        spec = {
          tags       = local.gitspace_vm_tags
          account    = { project_id = local.project_id, no_service_account = true, json_path = var.service_account_key_file }
          image      = local.runner_image
          subnetwork = s.id
          network    = local.network_id
          private_ip = true
          disk       = { size = 100, type = "pd-balanced" }
        }
      }
    ]
  })
}

# What the module was given, kept in state: lets a test read back that every value arrived unchanged.
resource "terraform_data" "variables" {
  input = {
    service_account_key_file    = var.service_account_key_file
    infra_config_yaml_file      = var.infra_config_yaml_file
    manage_dns_zone             = var.manage_dns_zone
    use_gcp_certificate_manager = var.use_gcp_certificate_manager
    private_key_path            = var.private_key_path
    certificate_path            = var.certificate_path
  }
}

# The pool timestamp: taken once, at creation (the real module uses timestamp() and so rewrites pool.yaml on every apply).
resource "terraform_data" "created_at" {
  input = timestamp()
  lifecycle {
    ignore_changes = [input]
  }
}

resource "terraform_data" "network" {
  input = {
    type      = "network"
    project   = local.project_id
    network   = local.network
    firewalls = local.firewalls
    key_file  = local.key_file_abs
    script    = local.world_script
  }
  triggers_replace = [local.project_id, local.network, local.firewalls]

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

resource "terraform_data" "dns_zone" {
  count = var.manage_dns_zone ? 1 : 0
  input = {
    type     = "dns_zone"
    project  = local.project_id
    zone     = local.zone_name
    domain   = local.domain
    key_file = local.key_file_abs
    script   = local.world_script
  }
  triggers_replace = [local.project_id, local.zone_name, local.domain]

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

# Per region: subnets, the reserved ALB/NLB addresses, and (manage_dns_zone) the A and wildcard CNAME records,
# the Certificate Manager DNS authorization and certificate.
resource "terraform_data" "region" {
  for_each = local.regions
  input = {
    type                    = "region"
    project                 = local.project_id
    name                    = local.name
    network                 = local.network
    region                  = each.value.region_name
    domain                  = each.value.domain
    subnet                  = local.subnet_name
    proxy_subnet            = "${local.name}-${each.value.region_name}-proxy-subnet"
    default_subnet_ip_range = each.value.default_subnet_ip_range
    proxy_subnet_ip_range   = each.value.proxy_subnet_ip_range
    alb_address_name        = "${local.name}-${each.value.region_name}-alb-ip"
    nlb_address_name        = "${local.name}-${each.value.region_name}-nlb-ip"
    alb_ip                  = local.alb_ips[each.key]
    nlb_ip                  = local.nlb_ips[each.key]
    dns = var.manage_dns_zone ? {
      zone          = local.zone_name
      authorization = "${local.name}-${each.value.region_name}-default-wildcard-dns-auth"
      certificate   = "${local.name}-${each.value.region_name}-dns-cert"
    } : null
    ssl_certificate = var.use_gcp_certificate_manager ? null : {
      name        = "${local.name}-${each.value.region_name}-ssl-cert"
      certificate = file(var.certificate_path)
      private_key = sensitive(file(var.private_key_path))
    }
    key_file = local.key_file_abs
    script   = local.world_script
  }
  triggers_replace = [local.project_id, local.network, each.value, var.manage_dns_zone, var.use_gcp_certificate_manager]
  depends_on       = [terraform_data.network, terraform_data.dns_zone]

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

# Per region: the gateway instance template and regional managed instance group
# <name>-<region>-gateway-group-<version>-<8 hex>. Replaced (new template, new group) when the gateway changes.
resource "terraform_data" "gateway" {
  for_each = local.regions
  input = {
    type            = "gateway"
    project         = local.project_id
    name            = local.name
    network         = local.network
    region          = each.value.region_name
    subnet          = local.subnet_name
    template        = "${local.name}-${each.value.region_name}-gateway-template-${local.gateway_suffix}"
    group           = "${local.name}-${each.value.region_name}-gateway-group-${local.gateway_suffix}"
    instances       = local.gateway_instances
    machine_type    = local.gateway_machine_type
    image           = local.gateway_image
    vm_tags         = local.gateway_vm_tags
    gateway_version = local.gateway_version
    metadata = {
      account_identifier               = local.account_identifier
      infra_provider_config_identifier = local.infra_provider_config_identifier
      cde_manager_url                  = local.cde_manager_url
      gateway_version                  = local.gateway_version
      shared_secret                    = sensitive(local.gateway_shared_secret)
    }
    key_file = local.key_file_abs
    script   = local.world_script
  }
  triggers_replace = [local.project_id, local.network, each.value.region_name, local.gateway_suffix, local.gateway_instances, sensitive(local.gateway_shared_secret)]
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

# As the real module's null_resource.write_yaml: echo '<yaml>' > pool.yaml in Terraform's working directory
# (a POSIX shell; a single quote in the YAML breaks it, exactly as in the real module).
resource "terraform_data" "write_yaml" {
  triggers_replace = [local.instance_yaml]
  depends_on       = [terraform_data.region, terraform_data.gateway]

  provisioner "local-exec" {
    command = "echo '${local.instance_yaml}' > pool.yaml"
  }
}
