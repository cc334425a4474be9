# Stand-in for terraform-google-modules/cloud-router/google ~> 6.1 (the registry module the real module calls):
# the same resource addresses, google_compute_router.router and google_compute_router_nat.nats[<name>], from
# the same arguments. Only what the harness module passes is handled.

variable "name" {
  type = string
}
variable "project" {
  type = string
}
variable "region" {
  type = string
}
variable "network" {
  type = string
}
variable "bgp" {
  type    = any
  default = null
}
variable "nats" {
  type    = any
  default = []
}

resource "google_compute_router" "router" {
  name    = var.name
  network = var.network
  region  = var.region
  project = var.project
  dynamic "bgp" {
    for_each = var.bgp != null ? [var.bgp] : []
    content {
      asn = bgp.value.asn
    }
  }
}

resource "google_compute_router_nat" "nats" {
  for_each                           = { for n in var.nats : n.name => n }
  name                               = each.value.name
  project                            = google_compute_router.router.project
  router                             = google_compute_router.router.name
  region                             = google_compute_router.router.region
  nat_ip_allocate_option             = lookup(each.value, "nat_ip_allocate_option", length(lookup(each.value, "nat_ips", [])) > 0 ? "MANUAL_ONLY" : "AUTO_ONLY")
  source_subnetwork_ip_ranges_to_nat = lookup(each.value, "source_subnetwork_ip_ranges_to_nat", "ALL_SUBNETWORKS_ALL_IP_RANGES")
  nat_ips                            = lookup(each.value, "nat_ips", null)

  log_config {
    enable = lookup(lookup(each.value, "log_config", {}), "enable", true)
    filter = lookup(lookup(each.value, "log_config", {}), "filter", "ALL")
  }
}

output "router" {
  value = google_compute_router.router
}
