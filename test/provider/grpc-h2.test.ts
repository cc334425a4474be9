import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http2 from 'node:http2';
import { makeServerCertificate } from '../../sandbox/provider/cert.js';
import {
  GrpcError,
  GrpcServer,
  Method,
  Status,
  frame,
  percentEncode,
  serveGrpc,
  unframe,
} from '../../sandbox/provider/grpc-h2.js';

/**
 * The stand-in provider's gRPC server, spoken to as go-plugin's client speaks to it (HTTP/2, length-prefixed
 * messages, the status in trailers). Terraform itself drives it in test/provider/provider.test.ts; here, what
 * Terraform only meets when something goes wrong: unknown methods, a failing handler, compressed messages, and a
 * client without the trusted certificate.
 */

// Messages are UTF-8 text in these tests: enough to see what crosses.
let served = 0;
const echo: Method = {
  kind: 'unary',
  decode: (b) => Buffer.from(b).toString('utf8'),
  encode: (v) => Buffer.from(String(v), 'utf8'),
  handle: async (req) => {
    served += 1;
    if (req === 'boom') throw new Error('café 100% broken\nsecond line');
    if (req === 'denied') throw new GrpcError(7, 'no');
    return `echo:${String(req)}`;
  },
};
const methods = new Map<string, Method>([
  ['/test.Echo/Say', echo],
  ['/test.Echo/Listen', { kind: 'silent-stream' }],
]);

interface Reply {
  headers: http2.IncomingHttpHeaders;
  trailers: http2.IncomingHttpHeaders;
  body: Buffer;
}

function call(client: http2.ClientHttp2Session, path: string, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = client.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    req.on('response', (h) => (headers = h));
    req.on('trailers', (t) => (trailers = t));
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve({ headers, trailers, body: Buffer.concat(chunks) }));
    req.on('error', reject);
    req.end(body);
  });
}

describe('gRPC over HTTP/2, without TLS', () => {
  let server: GrpcServer;
  let client: http2.ClientHttp2Session;
  beforeAll(async () => {
    server = await serveGrpc(methods);
    client = http2.connect(`http://127.0.0.1:${server.port}`);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('answers a unary call with one framed message and grpc-status 0 in the trailers', async () => {
    const r = await call(client, '/test.Echo/Say', frame(Buffer.from('hello')));
    expect(r.headers[':status']).toBe(200);
    expect(r.headers['content-type']).toBe('application/grpc');
    expect(unframe(r.body).map((m) => m.toString())).toEqual(['echo:hello']);
    expect(r.trailers['grpc-status']).toBe('0');
  });

  it('answers an unknown method UNIMPLEMENTED, trailers-only, naming the path', async () => {
    const r = await call(client, '/test.Echo/Nope', frame(Buffer.from('x')));
    expect(r.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
    expect(decodeURIComponent(String(r.headers['grpc-message']))).toBe('unknown method /test.Echo/Nope');
    expect(r.body.length).toBe(0);
  });

  it("carries a failing handler's message, percent-encoded, as INTERNAL; a GrpcError keeps its own code", async () => {
    const r = await call(client, '/test.Echo/Say', frame(Buffer.from('boom')));
    expect(r.headers['grpc-status']).toBe(String(Status.INTERNAL));
    expect(r.headers['grpc-message']).toBe('caf%C3%A9 100%25 broken%0Asecond line');
    expect(decodeURIComponent(String(r.headers['grpc-message']))).toBe('café 100% broken\nsecond line');
    const denied = await call(client, '/test.Echo/Say', frame(Buffer.from('denied')));
    expect(denied.headers['grpc-status']).toBe('7');
  });

  it('refuses a compressed message (no codec is offered) and a body of two messages for a unary call', async () => {
    const compressed = frame(Buffer.from('hello'));
    compressed[0] = 1;
    const r = await call(client, '/test.Echo/Say', compressed);
    expect(r.headers['grpc-status']).toBe(String(Status.UNIMPLEMENTED));
    const two = await call(
      client,
      '/test.Echo/Say',
      Buffer.concat([frame(Buffer.from('a')), frame(Buffer.from('b'))]),
    );
    expect(two.headers['grpc-status']).toBe(String(Status.INTERNAL));
    expect(decodeURIComponent(String(two.headers['grpc-message']))).toContain('this one 2');
  });

  it('keeps a silent stream open with headers sent and nothing else until the client goes', async () => {
    const req = client.request({
      ':method': 'POST',
      ':path': '/test.Echo/Listen',
      'content-type': 'application/grpc',
    });
    const headers = await new Promise<http2.IncomingHttpHeaders>((r) => req.on('response', r));
    expect(headers[':status']).toBe(200);
    expect(headers['grpc-status']).toBeUndefined();
    let data = 0;
    req.on('data', (c: Buffer) => (data += c.length));
    await new Promise((r) => setTimeout(r, 100));
    expect(data).toBe(0);
    expect(req.closed).toBe(false);
    req.close();
  });

  it('percentEncode leaves printable ASCII but % as it is', () => {
    expect(percentEncode('plain text: ok ~')).toBe('plain text: ok ~');
    expect(percentEncode('50%\t')).toBe('50%25%09');
  });

  it('unframe refuses a truncated body', () => {
    expect(() => unframe(frame(Buffer.from('hello')).subarray(0, 7))).toThrow('truncated');
  });
});

describe('gRPC over HTTP/2 with AutoMTLS', () => {
  const serverCert = makeServerCertificate();
  const clientCert = makeServerCertificate();
  const stranger = makeServerCertificate();
  let server: GrpcServer;
  beforeAll(async () => {
    server = await serveGrpc(methods, {
      tls: { keyPem: serverCert.keyPem, certPem: serverCert.certPem, clientCertPem: clientCert.certPem },
    });
  });
  afterAll(() => server.close());

  const connect = (who: { keyPem: string; certPem: string }) =>
    http2.connect(`https://localhost:${server.port}`, {
      ca: serverCert.certPem,
      key: who.keyPem,
      cert: who.certPem,
      servername: 'localhost',
      host: '127.0.0.1',
    });

  it('serves the client holding the certificate it was given, over ALPN h2', async () => {
    const client = connect(clientCert);
    try {
      const r = await call(client, '/test.Echo/Say', frame(Buffer.from('tls')));
      expect(unframe(r.body).map((m) => m.toString())).toEqual(['echo:tls']);
      expect(client.alpnProtocol).toBe('h2');
    } finally {
      client.close();
    }
  });

  it('refuses a client with another certificate: the TLS handshake fails, no call is served', async () => {
    const client = connect(stranger);
    try {
      client.on('error', () => undefined);
      const before = served;
      const outcome = await call(client, '/test.Echo/Say', frame(Buffer.from('tls'))).then(
        (r) => ({ status: r.headers[':status'], body: r.body.length }),
        (e: Error) => ({ error: e.message }),
      );
      // TLS 1.3 tells the client after its handshake: the stream is reset, or the session fails; never answered.
      if (!('error' in outcome)) expect(outcome).toEqual({ status: undefined, body: 0 });
      expect(served).toBe(before);
    } finally {
      client.destroy();
    }
  });
});
