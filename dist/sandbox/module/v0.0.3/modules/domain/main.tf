# The domain sub-module (./modules/domain of the real module): the Cloud DNS zone and, with the certificate
# manager, per region a DNS authorization, its challenge CNAME and a managed wildcard certificate.

variable "infra_config_yaml_file" {
  type = string
}
variable "project_id" {
  type = string
}
variable "use_gcp_certificate_manager" {
  type    = bool
  default = true
}

locals {
  infra            = yamldecode(file(var.infra_config_yaml_file))
  name             = local.infra.name
  domain           = local.infra.domain
  dns_managed_zone = replace(local.domain, ".", "-")
  region_configs   = local.infra.region_configs
}

resource "google_dns_managed_zone" "default" {
  name        = local.dns_managed_zone
  dns_name    = "${local.domain}."
  description = "Managed DNS zone for ALB"
}

resource "google_certificate_manager_dns_authorization" "default" {
  for_each   = var.use_gcp_certificate_manager ? local.region_configs : {}
  name       = "${local.name}-${each.value.region_name}-default-wildcard-dns-auth"
  domain     = each.value.certificates.contents[0].domain
  location   = each.value.region_name
  depends_on = [google_dns_managed_zone.default]
}

resource "google_dns_record_set" "default-challenge" {
  for_each     = var.use_gcp_certificate_manager ? local.region_configs : {}
  name         = google_certificate_manager_dns_authorization.default[each.key].dns_resource_record[0].name
  type         = "CNAME"
  ttl          = 300
  managed_zone = local.dns_managed_zone
  rrdatas      = [google_certificate_manager_dns_authorization.default[each.key].dns_resource_record[0].data]
  depends_on   = [google_dns_managed_zone.default]
}

resource "google_certificate_manager_certificate" "default" {
  for_each    = var.use_gcp_certificate_manager ? local.region_configs : {}
  name        = "${local.name}-${each.value.region_name}-dns-cert"
  description = "The default cert"
  scope       = "DEFAULT"
  location    = each.value.region_name
  managed {
    domains            = ["*.${google_certificate_manager_dns_authorization.default[each.key].domain}"]
    dns_authorizations = [google_certificate_manager_dns_authorization.default[each.key].id]
  }
  lifecycle {
    create_before_destroy = true
  }
  depends_on = [google_dns_managed_zone.default]
}

output "managed_domain_zone" {
  value = google_dns_managed_zone.default.dns_name
}
