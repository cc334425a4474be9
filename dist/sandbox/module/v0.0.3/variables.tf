# The interface of harness/harness-gitspaces/gcp v0.0.3 (contracts/terraform-module.md): names, types,
# defaults and required-ness exactly as the real module declares them. No create_runner_vm in this generation.

variable "service_account_key_file" {
  description = "Path to the service-account JSON key. Read by the provider and copied verbatim into pool.yaml as json_path."
  type        = string
}

variable "infra_config_yaml_file" {
  description = "Path to the Infra Config YAML downloaded from Harness (setup_yaml)."
  type        = string
}

variable "manage_dns_zone" {
  description = "Create the Cloud DNS zone, the Certificate Manager DNS authorisation and certificate, and the A and wildcard CNAME records per region."
  type        = bool
}

variable "use_gcp_certificate_manager" {
  description = "Use Certificate Manager; false uses a regional SSL certificate made from private_key_path and certificate_path."
  type        = bool
  default     = true
}

variable "private_key_path" {
  description = "PEM private key, read only when use_gcp_certificate_manager is false."
  type        = string
  default     = ""
}

variable "certificate_path" {
  description = "PEM certificate, read only when use_gcp_certificate_manager is false."
  type        = string
  default     = ""
}
