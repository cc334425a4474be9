# The outputs of the real module (same in both generations).

output "vpc_network_id" {
  value = local.network_id
}

output "vpc_network_name" {
  value = local.network
}

output "managed_domain_zone" {
  value = var.manage_dns_zone ? "${local.domain}." : null
}

output "alb_ips" {
  value = local.alb_ips
}

output "nlb_ips" {
  value = local.nlb_ips
}

output "instance_yaml" {
  value = local.instance_yaml
}

output "sub_networks" {
  value = local.sub_networks
}
