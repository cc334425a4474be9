import { createSocket, Socket, RemoteInfo } from 'node:dgram';
import { createServer, Server, Socket as TcpSocket } from 'node:net';
import { createHash } from 'node:crypto';
import * as packet from 'dns-packet';
import type { World } from '../world.js';

/**
 * The sandbox's DNS server: a real DNS server (dns-packet) on 127.0.0.1, UDP and TCP on one port. It plays three
 * roles at once, told apart the way real DNS tells them apart, by the RD (recursion desired) bit:
 *
 * - queries WITHOUT RD are what a client sends to authoritative servers: the parent zone (scenario.dns.parentZone)
 *   answers for itself and refers the gitspaces domain (scenario.dns.domain) to its delegation (NS in the
 *   authority section, like a real parent); names inside the domain are answered authoritatively from the
 *   emulated Cloud DNS zone (what its name servers would say);
 * - queries WITH RD are what a client sends to a public resolver: they are answered from the resolver's view,
 *   which lags behind the parent while `resolversUpdated` is false (the old answer, with its TTL counting down).
 *
 * Everything is computed per query from the world, so a zone or record the module creates is visible at once.
 */
export interface DnsServer {
  port: number;
  close(): Promise<void>;
}

type RecordType = 'A' | 'NS' | 'CNAME' | 'SOA';
interface Rr {
  name: string;
  type: RecordType;
  ttl: number;
  data: string | packet.SoaData;
}
interface ZoneView {
  name: string;
  dnsName: string;
  nameServers: string[];
}
interface RecordSetView {
  name: string;
  type: string;
  ttl: number;
  rrdatas: string[];
}
/** What the DNS server reads from the GCP emulator (the cross-emulator contract in the brief). */
interface GcpDnsView {
  managedZones(): ZoneView[];
  recordSets(zoneName: string): RecordSetView[];
}

const NOERROR = 0;
const SERVFAIL = 2;
const NXDOMAIN = 3;
const REFUSED = 5;
const RCODE_NAME: Record<number, string> = { 0: 'NOERROR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 5: 'REFUSED' };

const norm = (n: string) => n.toLowerCase().replace(/\.+$/, '');
const fqdn = (n: string) => `${norm(n)}.`;
const within = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

/**
 * The name servers Cloud DNS would assign to a zone, as the emulator predicts them before the zone exists:
 * one of the ns-cloud-{a..e} shards, chosen from the zone name, four servers. (The GCP emulator uses the same
 * function when it creates a zone, so a parent delegated "in advance" matches.)
 */
export function predictedNameServers(zoneName: string): string[] {
  const shard = 'abcde'[createHash('sha256').update(zoneName).digest()[0]! % 5];
  return [1, 2, 3, 4].map((i) => `ns-cloud-${shard}${i}.googledomains.com.`);
}

export async function startDns(world: World): Promise<{ close(): Promise<void> }> {
  const server = await startDnsServer(world);
  return server;
}

export async function startDnsServer(world: World): Promise<DnsServer> {
  const startedAt = Date.now();
  const answer = (q: packet.Question, rd: boolean): Built => build(world, startedAt, q, rd);

  const handle = async (msg: Buffer, transport: 'udp' | 'tcp'): Promise<Buffer | undefined> => {
    const receivedAt = Date.now();
    let query: packet.DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return undefined;
    }
    const q = query.questions?.[0];
    const rd = Boolean(query.flag_rd);
    const fault = q ? world.faults.decide('dns', 'QUERY', `${norm(q.name)} ${q.type}`) : undefined;
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.kind === 'drop') {
      world.journal.add({
        service: 'dns',
        method: 'QUERY',
        path: q ? `${norm(q.name)} ${q.type}` : '?',
        query: `${transport}${rd ? ' rd' : ''}`,
        mutating: false,
        attempted: false,
        status: 0,
        fault: 'drop',
        receivedAt,
      });
      return undefined;
    }
    let built: Built;
    if (!q) built = { rcode: REFUSED, aa: false, answers: [], authorities: [], additionals: [] };
    else if (fault && fault.kind !== 'latency')
      built = { rcode: SERVFAIL, aa: false, answers: [], authorities: [], additionals: [] };
    else built = answer(q, rd);
    world.journal.add({
      service: 'dns',
      method: 'QUERY',
      path: q ? `${norm(q.name)} ${q.type}` : '?',
      query: `${transport}${rd ? ' rd' : ''}`,
      mutating: false,
      attempted: false,
      status: built.rcode,
      fault: fault && fault.kind !== 'latency' ? fault.kind : undefined,
      receivedAt,
    });
    const flags =
      (built.aa ? packet.AUTHORITATIVE_ANSWER : 0) |
      (rd ? packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE : 0) |
      built.rcode;
    const response: packet.Packet = {
      type: 'response',
      id: query.id,
      flags,
      questions: query.questions,
      answers: built.answers.map(toAnswer),
      authorities: built.authorities.map(toAnswer),
      additionals: built.additionals.map(toAnswer),
    };
    let buf = packet.encode(response);
    if (transport === 'udp') {
      const opt = (query.additionals ?? []).find((a) => a.type === 'OPT') as
        { udpPayloadSize?: number } | undefined;
      const max = Math.max(512, opt?.udpPayloadSize ?? 512);
      if (buf.length > max) {
        buf = packet.encode({
          type: 'response',
          id: query.id,
          flags: flags | packet.TRUNCATED_RESPONSE,
          questions: query.questions,
          answers: [],
        });
      }
    }
    return buf;
  };

  const onUdp = (udp: Socket) => (msg: Buffer, rinfo: RemoteInfo) => {
    void handle(msg, 'udp').then((out) => {
      if (out) udp.send(out, rinfo.port, rinfo.address);
    });
  };
  const sockets = new Set<TcpSocket>();
  const onTcp = (sock: TcpSocket) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => sock.destroy());
    let pending = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const len = pending.readUInt16BE(0);
        if (pending.length < 2 + len) break;
        const msg = Buffer.from(pending.subarray(2, 2 + len));
        pending = pending.subarray(2 + len);
        void handle(msg, 'tcp').then((out) => {
          if (!out || sock.destroyed) return;
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(out.length);
          sock.write(Buffer.concat([prefix, out]));
        });
      }
    });
  };

  // UDP picks a free port; TCP must get the same one (retry on the rare collision).
  let udp: Socket | undefined;
  let tcp: Server | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 20 && !tcp; attempt++) {
    const u = createSocket('udp4');
    u.on('message', onUdp(u));
    await new Promise<void>((resolve, reject) => {
      u.once('error', reject);
      u.bind(0, '127.0.0.1', () => {
        u.off('error', reject);
        resolve();
      });
    });
    port = u.address().port;
    const t = createServer(onTcp);
    const ok = await new Promise<boolean>((resolve) => {
      const onErr = () => resolve(false);
      t.once('error', onErr);
      t.listen(port, '127.0.0.1', () => {
        t.off('error', onErr);
        resolve(true);
      });
    });
    if (ok) {
      udp = u;
      tcp = t;
    } else {
      await new Promise<void>((r) => u.close(() => r()));
    }
  }
  if (!udp || !tcp) throw new Error('dns: could not bind UDP and TCP on the same port');
  const [u, t] = [udp, tcp];
  world.urls.dns = `127.0.0.1:${port}`;
  return {
    port,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((r) => u.close(() => r())),
        new Promise<void>((r) => t.close(() => r())),
      ]);
    },
  };
}

interface Built {
  rcode: number;
  aa: boolean;
  answers: Rr[];
  authorities: Rr[];
  additionals: Rr[];
}

function toAnswer(r: Rr): packet.Answer {
  if (r.type === 'SOA')
    return { name: norm(r.name), type: 'SOA', class: 'IN', ttl: r.ttl, data: r.data as packet.SoaData };
  return {
    name: norm(r.name),
    type: r.type,
    class: 'IN',
    ttl: r.ttl,
    data: norm(r.data as string),
  } as packet.Answer;
}

/** The zones the GCP emulator holds, or the scenario's seed when it exposes none. */
function zones(world: World): ZoneView[] {
  const gcp = world.gcp as unknown as Partial<GcpDnsView> | undefined;
  if (gcp && typeof gcp.managedZones === 'function') return gcp.managedZones();
  return (world.scenario.gcp.managedZones ?? []).map((z) => ({
    ...z,
    nameServers: predictedNameServers(z.name),
  }));
}

function recordSets(world: World, zone: string): RecordSetView[] {
  const gcp = world.gcp as unknown as Partial<GcpDnsView> | undefined;
  if (gcp && typeof gcp.recordSets === 'function') {
    try {
      return gcp.recordSets(zone);
    } catch {
      return [];
    }
  }
  return [];
}

function soa(zone: string, primary: string, ttl: number, hostmaster: string): Rr {
  return {
    name: fqdn(zone),
    type: 'SOA',
    ttl,
    data: {
      mname: norm(primary),
      rname: norm(hostmaster),
      serial: 1,
      refresh: 21600,
      retry: 3600,
      expire: 259200,
      minimum: 300,
    },
  };
}

/** The answer to one question, from the world as it is now. */
function build(world: World, startedAt: number, q: packet.Question, rd: boolean): Built {
  const s = world.scenario.dns;
  const name = norm(q.name);
  const type = q.type as string;
  const parent = norm(s.parentZone);
  const domain = norm(s.domain);
  const ttl = s.ttlSeconds;
  const zoneName = domain.replace(/\./g, '-');
  const zone = zones(world).find((z) => norm(z.dnsName) === domain);
  const cloudNs = (zone?.nameServers?.length ? zone.nameServers : predictedNameServers(zoneName)).map(fqdn);
  const current = s.delegated ? cloudNs : s.wrongNameServers.map(fqdn);
  const staleLeftMs = startedAt + ttl * 1000 - Date.now();
  const resolverStale = !s.resolversUpdated && staleLeftMs > 0;
  const delegation = rd && resolverStale ? s.wrongNameServers.map(fqdn) : current;
  const delegationTtl = rd && resolverStale ? Math.max(1, Math.ceil(staleLeftMs / 1000)) : ttl;
  const parentSoa = soa(parent, s.parentNameServers[0] ?? `ns1.${parent}`, ttl, `hostmaster.${parent}`);
  const empty = (rcode: number, aa: boolean, authorities: Rr[] = []): Built => ({
    rcode,
    aa,
    answers: [],
    authorities,
    additionals: [],
  });
  const glue = (hosts: string[]): Rr[] =>
    hosts
      .filter((h) => within(norm(h), parent) || /googledomains\.com$/.test(norm(h)))
      .map((h) => ({ name: h, type: 'A' as const, ttl, data: '127.0.0.1' }));

  // Name-server host names we know (parent's and Cloud DNS's): they resolve to loopback.
  const knownHosts = new Set([...s.parentNameServers, ...cloudNs, ...s.wrongNameServers].map(norm));
  if (knownHosts.has(name) && !within(name, domain)) {
    if (type === 'A')
      return {
        rcode: NOERROR,
        aa: !rd,
        answers: [{ name: fqdn(name), type: 'A', ttl, data: '127.0.0.1' }],
        authorities: [],
        additionals: [],
      };
    return empty(NOERROR, !rd);
  }

  if (within(name, domain)) {
    if (delegation.length === 0) return empty(NXDOMAIN, !rd, [parentSoa]);
    const referral: Built = {
      rcode: NOERROR,
      aa: false,
      answers: [],
      authorities: delegation.map((ns) => ({
        name: fqdn(domain),
        type: 'NS' as const,
        ttl: delegationTtl,
        data: ns,
      })),
      additionals: glue(delegation),
    };
    if (!rd) {
      // To the parent's servers: the NS question for the domain itself gets the referral.
      if (name === domain && type === 'NS') return referral;
      // Anything else inside: what the Cloud DNS name servers answer (or a referral when there is no zone).
      if (!zone) return referral;
      return fromZone(world, zone, name, type, ttl);
    }
    // A resolver: follow the delegation it has.
    if (name === domain && type === 'NS') {
      return {
        rcode: NOERROR,
        aa: false,
        answers: delegation.map((ns) => ({
          name: fqdn(domain),
          type: 'NS' as const,
          ttl: delegationTtl,
          data: ns,
        })),
        authorities: [],
        additionals: [],
      };
    }
    const sameServers = zone && sameSet(delegation, cloudNs);
    if (!sameServers || !zone) return empty(SERVFAIL, false); // lame or wrong delegation: the named servers do not serve the zone
    const r = fromZone(world, zone, name, type, ttl);
    return { ...r, aa: false };
  }

  if (within(name, parent)) {
    if (name === parent && type === 'NS') {
      return {
        rcode: NOERROR,
        aa: !rd,
        answers: s.parentNameServers.map((ns) => ({
          name: fqdn(parent),
          type: 'NS' as const,
          ttl,
          data: fqdn(ns),
        })),
        authorities: [],
        additionals: glue(s.parentNameServers),
      };
    }
    if (name === parent && type === 'SOA')
      return { rcode: NOERROR, aa: !rd, answers: [parentSoa], authorities: [], additionals: [] };
    if (name === parent) return empty(NOERROR, !rd, [parentSoa]);
    return empty(NXDOMAIN, !rd, [parentSoa]);
  }
  return empty(rd ? NXDOMAIN : REFUSED, false);
}

/** An authoritative answer from the Cloud DNS zone's record sets (CNAMEs inside the zone are followed). */
function fromZone(world: World, zone: ZoneView, name: string, type: string, ttl: number): Built {
  const domain = norm(zone.dnsName);
  const sets = recordSets(world, zone.name);
  const zoneSoa = sets.find((r) => r.type === 'SOA' && norm(r.name) === domain);
  const soaRr = soa(
    domain,
    zone.nameServers[0] ?? 'ns-cloud-a1.googledomains.com',
    zoneSoa?.ttl ?? 21600,
    'cloud-dns-hostmaster.google.com',
  );
  const answers: Rr[] = [];
  let current = name;
  for (let hops = 0; hops < 8; hops++) {
    if (current === domain && type === 'NS') {
      const nsSet = sets.find((r) => r.type === 'NS' && norm(r.name) === domain);
      const hosts = nsSet?.rrdatas ?? zone.nameServers;
      answers.push(
        ...hosts.map((h) => ({
          name: fqdn(domain),
          type: 'NS' as const,
          ttl: nsSet?.ttl ?? 21600,
          data: fqdn(h),
        })),
      );
      return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
    }
    if (current === domain && type === 'SOA')
      return { rcode: NOERROR, aa: true, answers: [soaRr], authorities: [], additionals: [] };
    const exact = sets.filter((r) => norm(r.name) === current);
    const wildcard = exact.length
      ? []
      : sets.filter(
          (r) =>
            norm(r.name).startsWith('*.') &&
            current.endsWith(norm(r.name).slice(1)) &&
            current !== norm(r.name).slice(2),
        );
    const found = exact.length ? exact : wildcard;
    const match = found.filter((r) => r.type === type);
    if (match.length) {
      answers.push(
        ...match.flatMap((r) =>
          r.rrdatas.map((d) => ({
            name: fqdn(current),
            type: r.type as RecordType,
            ttl: r.ttl ?? ttl,
            data: r.type === 'A' ? d : fqdn(d),
          })),
        ),
      );
      return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
    }
    const cname = found.find((r) => r.type === 'CNAME');
    if (cname && type !== 'CNAME' && cname.rrdatas[0]) {
      const target = norm(cname.rrdatas[0]);
      answers.push({ name: fqdn(current), type: 'CNAME', ttl: cname.ttl ?? ttl, data: fqdn(target) });
      if (!within(target, domain))
        return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
      current = target;
      continue;
    }
    if (found.length) return { rcode: NOERROR, aa: true, answers, authorities: [soaRr], additionals: [] };
    return {
      rcode: answers.length ? NOERROR : NXDOMAIN,
      aa: true,
      answers,
      authorities: [soaRr],
      additionals: [],
    };
  }
  return { rcode: SERVFAIL, aa: false, answers: [], authorities: [], additionals: [] };
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a.map(norm));
  const y = new Set(b.map(norm));
  return x.size === y.size && [...x].every((v) => y.has(v));
}

export { RCODE_NAME };
