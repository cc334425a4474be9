resource "google_dns_record_set" "alb_a" {
  for_each     = var.manage_dns_zone ? local.region_configs : {}
  name         = "${local.region_configs[each.key].certificates.contents[0].domain}."
  type         = "A"
  ttl          = 300
  managed_zone = data.google_dns_managed_zone.existing.name
  rrdatas      = [google_compute_address.alb_ip[each.key].address]
}

resource "google_dns_record_set" "alb_a_wildcard" {
  for_each     = var.manage_dns_zone ? local.region_configs : {}
  name         = "*.${local.region_configs[each.key].certificates.contents[0].domain}."
  type         = "CNAME"
  ttl          = 300
  managed_zone = data.google_dns_managed_zone.existing.name
  rrdatas      = ["${local.region_configs[each.key].certificates.contents[0].domain}."]
}

# Read even when manage_dns_zone is false, as the real module does: a zone of that name must then exist.
data "google_dns_managed_zone" "existing" {
  name = local.dns_managed_zone
}
