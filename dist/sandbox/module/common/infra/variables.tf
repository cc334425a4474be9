# The infra sub-module (./modules/infra of the real module): network, NAT, firewall rules, the gateway
# instance template and managed instance group per region, the load balancers, DNS records, a service account.

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
variable "manage_dns_zone" {
  type    = bool
  default = true
}
variable "private_key_path" {
  type    = string
  default = ""
}
variable "certificate_path" {
  type    = string
  default = ""
}
