# Stand-in for terraform-google-modules/network/google//modules/firewall-rules (the registry module the real
# module calls, unpinned): the same resource address, google_compute_firewall.rules_ingress_egress[<name>],
# built from the same ingress_rules / egress_rules objects. Only what the harness module passes is handled.

variable "project_id" {
  type = string
}
variable "network_name" {
  type = string
}
variable "ingress_rules" {
  type    = any
  default = []
}
variable "egress_rules" {
  type    = any
  default = []
}

locals {
  rules_all = concat(
    [for r in var.ingress_rules : merge(r, { direction = "INGRESS" })],
    [for r in var.egress_rules : merge(r, { direction = "EGRESS" })],
  )
}

resource "google_compute_firewall" "rules_ingress_egress" {
  for_each           = { for r in local.rules_all : r.name => r }
  name               = each.value.name
  description        = lookup(each.value, "description", null)
  direction          = each.value.direction
  network            = var.network_name
  project            = var.project_id
  priority           = lookup(each.value, "priority", null)
  source_ranges      = lookup(each.value, "source_ranges", null)
  destination_ranges = lookup(each.value, "destination_ranges", null)
  source_tags        = lookup(each.value, "source_tags", null)
  target_tags        = lookup(each.value, "target_tags", null)

  dynamic "allow" {
    for_each = lookup(each.value, "allow", [])
    content {
      protocol = allow.value.protocol
      ports    = lookup(allow.value, "ports", null)
    }
  }
  dynamic "deny" {
    for_each = lookup(each.value, "deny", [])
    content {
      protocol = deny.value.protocol
      ports    = lookup(deny.value, "ports", null)
    }
  }
}
