import * as http2 from 'node:http2';

/**
 * The little of gRPC a Terraform plugin serves, on Node's own HTTP/2 (gRPC over HTTP/2 as grpc/grpc's
 * doc/PROTOCOL-HTTP2.md defines it): a POST to `/<package>.<Service>/<Method>` whose body is length-prefixed
 * messages (1 byte compressed flag, 4 bytes big-endian length, the message); the answer is HTTP status 200 with
 * `content-type: application/grpc`, the answer's messages framed the same way, then trailers carrying
 * `grpc-status` (and `grpc-message`, percent-encoded). An error with no message is "Trailers-Only": the status
 * in the response headers, stream ended. go-plugin's client never compresses, so a compressed message is refused
 * (UNIMPLEMENTED), as a server without that codec does.
 *
 * Why not @grpc/grpc-js: Terraform starts the provider process several times per command, and loading grpc-js
 * and building its service definitions from the .proto files took about half of each start (measured: 100 ms
 * of CPU to the handshake line, 55 of it grpc-js, proto-loader and its descriptors).
 */

export const Status = { OK: 0, UNKNOWN: 2, INTERNAL: 13, UNIMPLEMENTED: 12 } as const;

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UnaryMethod {
  kind: 'unary';
  decode(b: Uint8Array): unknown;
  encode(v: unknown): Uint8Array;
  handle(req: unknown): Promise<unknown>;
}
/** A streaming method this plugin opens and leaves silent (go-plugin's stdio and broker streams). */
export interface SilentStream {
  kind: 'silent-stream';
}
export type Method = UnaryMethod | SilentStream;

/** `grpc-message` is percent-encoded: bytes outside 0x20-0x7E, and `%` itself. */
export function percentEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8'))
    out +=
      b >= 0x20 && b <= 0x7e && b !== 0x25
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** The messages of a request body, each without its 5-byte prefix. */
export function unframe(body: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at + 5 <= body.length) {
    const compressed = body[at] !== 0;
    const len = body.readUInt32BE(at + 1);
    if (at + 5 + len > body.length) break;
    if (compressed) throw new GrpcError(Status.UNIMPLEMENTED, 'compressed messages are not supported');
    out.push(body.subarray(at + 5, at + 5 + len));
    at += 5 + len;
  }
  if (at !== body.length) throw new GrpcError(Status.INTERNAL, 'truncated gRPC message in the request');
  return out;
}

export function frame(message: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

const GRPC_HEADERS = { ':status': 200, 'content-type': 'application/grpc' };

function fail(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed) return;
  // Only called before an answer starts; were headers out already, a reset is the one honest failure left.
  if (stream.headersSent) return stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
  stream.respond(
    { ...GRPC_HEADERS, 'grpc-status': String(code), 'grpc-message': percentEncode(message) },
    { endStream: true },
  );
}

function answer(stream: http2.ServerHttp2Stream, message: Uint8Array): void {
  if (stream.destroyed || stream.closed) return;
  stream.respond(GRPC_HEADERS, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(Status.OK) }));
  stream.end(frame(message));
}

export interface GrpcServerOptions {
  /** With AutoMTLS: the server's key and certificate, and the one client certificate to trust. */
  tls?: { keyPem: string; certPem: string; clientCertPem: string };
}

export interface GrpcServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `methods` (keyed by path, `/<package>.<Service>/<Method>`) on 127.0.0.1, on a port the system picks. */
export async function serveGrpc(
  methods: ReadonlyMap<string, Method>,
  opts: GrpcServerOptions = {},
): Promise<GrpcServer> {
  const server = opts.tls
    ? http2.createSecureServer({
        key: opts.tls.keyPem,
        cert: opts.tls.certPem,
        ca: [opts.tls.clientCertPem],
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      })
    : http2.createServer();
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    const method = methods.get(String(headers[':path'] ?? ''));
    if (!method) {
      stream.resume();
      fail(stream, Status.UNIMPLEMENTED, `unknown method ${String(headers[':path'])}`);
      return;
    }
    if (method.kind === 'silent-stream') {
      // Open and silent: the client's messages are read and dropped; the stream ends when the client goes.
      stream.respond(GRPC_HEADERS, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(Status.OK) }));
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      let request: unknown;
      try {
        const messages = unframe(Buffer.concat(chunks));
        if (messages.length !== 1)
          throw new GrpcError(
            Status.INTERNAL,
            `a unary call carries one message, this one ${messages.length}`,
          );
        request = method.decode(messages[0]!);
      } catch (e) {
        fail(stream, e instanceof GrpcError ? e.code : Status.INTERNAL, (e as Error).message);
        return;
      }
      method.handle(request).then(
        (r) => {
          try {
            answer(stream, method.encode(r));
          } catch (e) {
            fail(stream, Status.INTERNAL, `could not encode the answer: ${(e as Error).message}`);
          }
        },
        (e: unknown) =>
          fail(
            stream,
            e instanceof GrpcError ? e.code : Status.INTERNAL,
            e instanceof Error ? e.message : String(e),
          ),
      );
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
