import type { DataSourceImpl, ResourceImpl } from '../resource.js';
import { address, firewall, network, subnetwork } from './compute-network.js';
import {
  forwardingRule,
  healthCheck,
  regionBackendService,
  regionHealthCheck,
  regionInstanceGroupManager,
  regionInstanceTemplate,
  regionSslCertificate,
  regionTargetHttpsProxy,
  regionUrlMap,
  router,
  routerNat,
} from './compute-gateway.js';
import { projectIamMember, serviceAccount } from './iam.js';
import { instance } from './compute-instance.js';
import {
  certificate,
  computeImageData,
  dnsAuthorization,
  managedZone,
  managedZoneData,
  recordSet,
} from './dns-certs.js';

/** Every resource type the stand-in google provider implements, with the noun its messages use. */
export const GOOGLE_RESOURCES: Record<string, { impl: ResourceImpl; kind: string }> = {
  google_compute_network: { impl: network, kind: 'Network' },
  google_compute_subnetwork: { impl: subnetwork, kind: 'Subnetwork' },
  google_compute_firewall: { impl: firewall, kind: 'Firewall' },
  google_compute_address: { impl: address, kind: 'Address' },
  google_compute_router: { impl: router, kind: 'Router' },
  google_compute_router_nat: { impl: routerNat, kind: 'RouterNat' },
  google_compute_region_instance_template: { impl: regionInstanceTemplate, kind: 'RegionInstanceTemplate' },
  google_compute_health_check: { impl: healthCheck, kind: 'HealthCheck' },
  google_compute_region_health_check: { impl: regionHealthCheck, kind: 'RegionHealthCheck' },
  google_compute_region_instance_group_manager: {
    impl: regionInstanceGroupManager,
    kind: 'RegionInstanceGroupManager',
  },
  google_compute_region_backend_service: { impl: regionBackendService, kind: 'RegionBackendService' },
  google_compute_region_url_map: { impl: regionUrlMap, kind: 'RegionUrlMap' },
  google_compute_region_target_https_proxy: { impl: regionTargetHttpsProxy, kind: 'RegionTargetHttpsProxy' },
  google_compute_region_ssl_certificate: { impl: regionSslCertificate, kind: 'RegionSslCertificate' },
  google_compute_forwarding_rule: { impl: forwardingRule, kind: 'ForwardingRule' },
  google_dns_managed_zone: { impl: managedZone, kind: 'ManagedZone' },
  google_dns_record_set: { impl: recordSet, kind: 'DNS RecordSet' },
  google_certificate_manager_dns_authorization: { impl: dnsAuthorization, kind: 'DnsAuthorization' },
  google_certificate_manager_certificate: { impl: certificate, kind: 'Certificate' },
  google_service_account: { impl: serviceAccount, kind: 'ServiceAccount' },
  google_project_iam_member: { impl: projectIamMember, kind: 'IAM member' },
  google_compute_instance: { impl: instance, kind: 'Instance' },
};

export const GOOGLE_DATA_SOURCES: Record<string, DataSourceImpl> = {
  google_dns_managed_zone: managedZoneData,
  google_compute_image: computeImageData,
};
