output "vpc_network_id" {
  value = google_compute_network.vpc_network.id
}

output "vpc_network" {
  value = google_compute_network.vpc_network
}

output "alb_ips" {
  value = { for k, v in google_compute_address.alb_ip : k => v.address }
}

output "nlb_ips" {
  value = { for k, v in google_compute_address.nlb_ip : k => v.address }
}

output "sub_networks" {
  value = google_compute_subnetwork.subnet
}
