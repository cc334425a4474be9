import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';
import type { Endpoints } from '../endpoints.js';

/**
 * A small DNS client (dns-packet over UDP, TCP when the answer is truncated) that asks explicit servers, so the
 * delegation checks can ask a parent zone's authoritative servers and chosen public resolvers instead of
 * whatever the host's resolver says. Servers are `host[:port]` (IPv4, [IPv6] or a host name).
 */
export type DnsType = 'A' | 'NS' | 'CNAME' | 'SOA';

export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  /** A: the address; NS/CNAME: the host name without trailing dot; SOA: "mname rname serial". */
  data: string;
}

export interface DnsResponse {
  server: string;
  rcode: string;
  authoritative: boolean;
  truncated: boolean;
  answers: DnsRecord[];
  authorities: DnsRecord[];
  additionals: DnsRecord[];
  /** Which transport produced this answer. */
  transport: 'udp' | 'tcp';
}

export interface QueryOptions {
  /** RD bit: true for a resolver, false for an authoritative server. */
  recursionDesired?: boolean;
  timeoutMs?: number;
  /** UDP attempts before giving up (each waits timeoutMs). */
  attempts?: number;
  /** Skip UDP and ask over TCP. */
  tcp?: boolean;
}

export class DnsQueryError extends Error {
  override readonly name = 'DnsQueryError';
  constructor(
    readonly server: string,
    readonly question: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseServer(server: string): { host: string; port: number } {
  const s = server.trim();
  const v6 = s.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (v6) return { host: v6[1] as string, port: v6[2] ? Number(v6[2]) : 53 };
  const parts = s.split(':');
  if (parts.length === 2) return { host: parts[0] as string, port: Number(parts[1]) };
  return { host: s, port: 53 };
}

export const normName = (n: string): string => n.toLowerCase().replace(/\.+$/, '');

function toRecord(a: packet.Answer): DnsRecord {
  const ttl = 'ttl' in a && typeof a.ttl === 'number' ? a.ttl : 0;
  let data: string;
  if (a.type === 'SOA') {
    const d = a.data as packet.SoaData;
    data = `${normName(d.mname)} ${normName(d.rname)} ${d.serial}`;
  } else if (a.type === 'A' || a.type === 'AAAA') data = String(a.data);
  else {
    const d = (a as { data?: unknown }).data;
    data = typeof d === 'string' ? normName(d) : '';
  }
  return { name: normName(a.name), type: a.type, ttl, data };
}

function decodeResponse(buf: Buffer, server: string, transport: 'udp' | 'tcp'): DnsResponse {
  const p = packet.decode(buf) as packet.DecodedPacket & { rcode?: string };
  return {
    server,
    rcode: p.rcode ?? 'NOERROR',
    authoritative: Boolean(p.flag_aa),
    truncated: Boolean(p.flag_tc),
    answers: (p.answers ?? []).filter((a) => a.type !== 'OPT').map(toRecord),
    authorities: (p.authorities ?? []).map(toRecord),
    additionals: (p.additionals ?? []).filter((a) => a.type !== 'OPT').map(toRecord),
    transport,
  };
}

function encodeQuery(name: string, type: DnsType, rd: boolean): { id: number; buf: Buffer } {
  const id = randomInt(0, 65536);
  const buf = packet.encode({
    type: 'query',
    id,
    flags: rd ? packet.RECURSION_DESIRED : 0,
    questions: [{ type, name: normName(name), class: 'IN' }],
  });
  return { id, buf };
}

function udpQuery(host: string, port: number, buf: Buffer, id: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const timer = setTimeout(() => {
      sock.close();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.on('error', (e) => {
      clearTimeout(timer);
      sock.close();
      reject(e);
    });
    sock.on('message', (msg: Buffer) => {
      if (msg.length < 2 || msg.readUInt16BE(0) !== id) return; // not ours
      clearTimeout(timer);
      sock.close();
      resolve(msg);
    });
    sock.send(buf, port, host);
  });
}

function tcpQuery(host: string, port: number, buf: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port });
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no answer over TCP within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.on('connect', () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(buf.length);
      sock.write(Buffer.concat([prefix, buf]));
    });
    sock.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        clearTimeout(timer);
        sock.end();
        resolve(data.subarray(2, 2 + data.readUInt16BE(0)));
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** One question to one server. Falls back to TCP when the UDP answer is truncated. */
export async function queryDns(
  server: string,
  name: string,
  type: DnsType,
  opts: QueryOptions = {},
): Promise<DnsResponse> {
  const { host, port } = parseServer(server);
  const rd = opts.recursionDesired ?? true;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const question = `${normName(name)} ${type}`;
  const { id, buf } = encodeQuery(name, type, rd);
  try {
    if (!opts.tcp) {
      let lastErr: unknown;
      for (let i = 0; i < (opts.attempts ?? 2); i++) {
        try {
          const res = decodeResponse(await udpQuery(host, port, buf, id, timeoutMs), server, 'udp');
          if (!res.truncated) return res;
          lastErr = undefined;
          break;
        } catch (e) {
          lastErr = e;
        }
      }
      if (lastErr) throw lastErr;
    }
    return decodeResponse(await tcpQuery(host, port, buf, timeoutMs), server, 'tcp');
  } catch (e) {
    throw new DnsQueryError(
      server,
      question,
      `DNS server ${server} did not answer ${question}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** NS host names of a response: the answer section (a resolver or the child zone) or the authority section (a parent's referral). */
export function nameServersOf(res: DnsResponse, zone: string): string[] {
  const z = normName(zone);
  const fromAnswer = res.answers.filter((r) => r.type === 'NS' && r.name === z).map((r) => r.data);
  const list = fromAnswer.length
    ? fromAnswer
    : res.authorities.filter((r) => r.type === 'NS' && r.name === z).map((r) => r.data);
  return [...new Set(list.map(normName))].sort();
}

/** The TTL carried by the NS records for the zone in this response (the smallest), if any. */
export function nsTtl(res: DnsResponse, zone: string): number | undefined {
  const z = normName(zone);
  const ttls = [...res.answers, ...res.authorities]
    .filter((r) => r.type === 'NS' && r.name === z)
    .map((r) => r.ttl);
  return ttls.length ? Math.min(...ttls) : undefined;
}

export interface DnsClient {
  /** Ask the configured public resolvers (RD set), each in parallel. */
  askResolvers(name: string, type: DnsType): Promise<PromiseSettledResult<DnsResponse>[]>;
  /** The servers a zone's authoritative queries go to: the override, or its NS hosts (resolved) on port 53. */
  authoritativeServers(nsHosts: string[]): Promise<string[]>;
  /** Ask authoritative servers (RD clear). */
  askAuthoritative(
    servers: string[],
    name: string,
    type: DnsType,
  ): Promise<PromiseSettledResult<DnsResponse>[]>;
  resolvers: string[];
  override?: string;
}

/**
 * A client over the configured endpoints: public resolvers from GITSPACES_DNS_RESOLVERS, and (when
 * GITSPACES_DNS_AUTHORITATIVE is set) a server that answers every query meant for an authoritative server.
 */
export function dnsClientFromEndpoints(
  endpoints: Pick<Endpoints, 'dnsResolvers' | 'dnsAuthoritativeOverride'>,
  opts: QueryOptions = {},
): DnsClient {
  const resolvers = endpoints.dnsResolvers;
  const override = endpoints.dnsAuthoritativeOverride;
  const ask = (servers: string[], name: string, type: DnsType, rd: boolean) =>
    Promise.allSettled(servers.map((s) => queryDns(s, name, type, { ...opts, recursionDesired: rd })));
  return {
    resolvers,
    override,
    askResolvers: (name, type) => ask(resolvers, name, type, true),
    askAuthoritative: (servers, name, type) => ask(servers, name, type, false),
    async authoritativeServers(nsHosts) {
      if (override) return [override];
      const addrs = await Promise.all(
        nsHosts.map(async (h) => {
          for (const r of resolvers) {
            try {
              const res = await queryDns(r, h, 'A', { ...opts, recursionDesired: true });
              const a = res.answers.find((x) => x.type === 'A');
              if (a) return a.data;
            } catch {
              // next resolver
            }
          }
          return undefined;
        }),
      );
      return [...new Set(addrs.filter((a): a is string => Boolean(a)))];
    },
  };
}
