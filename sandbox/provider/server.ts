import { join } from 'node:path';
import protobuf from 'protobufjs';
import { makeServerCertificate } from './cert.js';
import { providerDataDir } from './files.js';
import { GrpcError, GrpcServer, Method, Status, serveGrpc } from './grpc-h2.js';
import { ProviderDefinition, providerHandlers } from './provider.js';

/**
 * The plugin process as Terraform's plugin client (hashicorp/go-plugin v1.6.0, client.go and server.go) expects
 * it: started with TF_PLUGIN_MAGIC_COOKIE set (anything else is someone running it by hand), it serves gRPC on a
 * loopback port and prints one line on stdout, `1|6|tcp|127.0.0.1:PORT|grpc|<server cert>`: core protocol 1,
 * plugin protocol 6, then, with AutoMTLS, the base64 DER of its own certificate. Terraform passes its client
 * certificate in PLUGIN_CLIENT_CERT; the server then requires and verifies it. Next to the Provider service it
 * serves what go-plugin's client uses: the health check ("plugin"), GRPCController.Shutdown (how Terraform ends
 * the process), GRPCStdio and GRPCBroker (opened by every client, unused here).
 */

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

const PROTO_FILES = [
  'tfplugin6.8.proto',
  'go-plugin-grpc_controller.proto',
  'go-plugin-grpc_stdio.proto',
  'go-plugin-grpc_broker.proto',
  'health.proto',
];

/**
 * Messages as the handlers see them: field names as in the .proto (keepCase), 64-bit integers and enums as
 * numbers, absent fields at their defaults, and each oneof's chosen field named (protobufjs's toObject options).
 */
const TO_OBJECT: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: true, oneofs: true };

export interface RunningPlugin {
  port: number;
  handshakeLine: string;
  server: GrpcServer;
}

export async function servePlugin(
  def: ProviderDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningPlugin> {
  const dir = join(providerDataDir(), 'proto');
  const root = new protobuf.Root();
  root.loadSync(
    PROTO_FILES.map((f) => join(dir, f)),
    { keepCase: true },
  );
  root.resolveAll();
  const service = (name: string) => root.lookupService(name);
  const unary = (
    svc: protobuf.Service,
    name: string,
    handle: (req: Record<string, unknown>) => Promise<unknown>,
  ): [string, Method] => {
    const m = svc.methods[name]!;
    const req = m.resolvedRequestType!;
    const res = m.resolvedResponseType!;
    return [
      `/${svc.fullName.slice(1)}/${name}`,
      {
        kind: 'unary',
        decode: (b) => req.toObject(req.decode(b), TO_OBJECT),
        encode: (v) => res.encode(res.fromObject(v as Record<string, unknown>)).finish(),
        handle: (r) => handle(r as Record<string, unknown>),
      },
    ];
  };

  const methods = new Map<string, Method>();
  const handlers = providerHandlers(def);
  const provider = service('tfplugin6.Provider');
  for (const name of Object.keys(provider.methods)) {
    const h = handlers[name];
    methods.set(
      ...unary(provider, name, (req) =>
        h ? h(req) : Promise.reject(new GrpcError(Status.UNIMPLEMENTED, `${name} is not implemented`)),
      ),
    );
  }
  methods.set(
    ...unary(service('plugin.GRPCController'), 'Shutdown', async () => {
      // Answer first, then go: Terraform waits for the process to exit after this call (go-plugin client.Kill).
      setTimeout(() => void running.close().then(() => process.exit(0)), 10).unref();
      setTimeout(() => process.exit(0), 500).unref();
      return {};
    }),
  );
  // StreamStdio stays open and sends nothing: this plugin never writes to stdout after the handshake.
  methods.set('/plugin.GRPCStdio/StreamStdio', { kind: 'silent-stream' });
  methods.set('/plugin.GRPCBroker/StartStream', { kind: 'silent-stream' });
  methods.set(...unary(service('grpc.health.v1.Health'), 'Check', async () => ({ status: 1 })));

  const clientCert = env.PLUGIN_CLIENT_CERT;
  let certField = '';
  let tls: { keyPem: string; certPem: string; clientCertPem: string } | undefined;
  if (clientCert) {
    const own = makeServerCertificate();
    tls = { keyPem: own.keyPem, certPem: own.certPem, clientCertPem: clientCert };
    certField = own.handshakeCert;
  }
  const running = await serveGrpc(methods, { tls });
  return {
    port: running.port,
    server: running,
    handshakeLine: `1|6|tcp|127.0.0.1:${running.port}|grpc|${certField}`,
  };
}

/** The process entry: refuses to run by hand, negotiates protocol 6, prints the handshake line. */
export async function runPluginProcess(def: ProviderDefinition): Promise<void> {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(
      'This binary is a plugin. These are not meant to be executed directly.\nPlease execute the program that consumes these plugins, which will\nload any plugins automatically\n',
    );
    process.exit(1);
  }
  const offered = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? '6').split(',').map((s) => s.trim());
  if (!offered.includes('6')) {
    process.stderr.write(`This plugin speaks protocol 6 only; the client offered ${offered.join(', ')}\n`);
    process.exit(1);
  }
  // Interrupts go to the whole process group; Terraform stops providers itself (StopProvider, then Shutdown).
  process.on('SIGINT', () => undefined);
  // Terraform ends its plugins through GRPCController.Shutdown; if it dies first (a crash, a SIGKILL) the plugin
  // is re-parented, and goes too rather than linger.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 1000).unref();
  const plugin = await servePlugin(def);
  process.stdout.write(`${plugin.handshakeLine}\n`);
}
