import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { makeServerCertificate } from './cert.js';
import { providerDataDir } from './files.js';
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

type Unary = (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => void;

export interface RunningPlugin {
  port: number;
  handshakeLine: string;
  server: grpc.Server;
}

export async function servePlugin(
  def: ProviderDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningPlugin> {
  const dir = join(providerDataDir(), 'proto');
  const loaded = protoLoader.loadSync(
    [
      'tfplugin6.8.proto',
      'go-plugin-grpc_controller.proto',
      'go-plugin-grpc_stdio.proto',
      'go-plugin-grpc_broker.proto',
      'health.proto',
    ].map((f) => join(dir, f)),
    { keepCase: true, longs: Number, enums: Number, defaults: true, oneofs: true, includeDirs: [dir] },
  );
  const pkg = grpc.loadPackageDefinition(loaded) as unknown as Record<
    string,
    Record<string, { service: grpc.ServiceDefinition }>
  > & {
    grpc: { health: { v1: { Health: { service: grpc.ServiceDefinition } } } };
  };
  const server = new grpc.Server();

  const handlers = providerHandlers(def);
  const providerImpl: Record<string, Unary> = {};
  for (const name of Object.keys(
    (pkg.tfplugin6 as Record<string, { service: grpc.ServiceDefinition }>).Provider!.service,
  )) {
    const h = handlers[name];
    providerImpl[name] = h
      ? (call, cb) =>
          void h(call.request as Record<string, unknown>).then(
            (r) => cb(null, r),
            (e: Error) => cb({ code: grpc.status.INTERNAL, details: e.message }),
          )
      : (_call, cb) => cb({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented` });
  }
  server.addService(pkg.tfplugin6!.Provider!.service, providerImpl as grpc.UntypedServiceImplementation);
  server.addService(pkg.plugin!.GRPCController!.service, {
    Shutdown: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
      cb(null, {});
      // Answer first, then go: Terraform waits for the process to exit after this call (go-plugin client.Kill).
      setTimeout(() => server.tryShutdown(() => process.exit(0)), 10).unref();
      setTimeout(() => process.exit(0), 500).unref();
    },
  });
  // StreamStdio stays open and sends nothing: this plugin never writes to stdout after the handshake.
  server.addService(pkg.plugin!.GRPCStdio!.service, { StreamStdio: () => undefined });
  server.addService(pkg.plugin!.GRPCBroker!.service, { StartStream: () => undefined });
  server.addService(pkg.grpc.health.v1.Health.service, {
    Check: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { status: 1 }),
  });

  const clientCert = env.PLUGIN_CLIENT_CERT;
  let credentials = grpc.ServerCredentials.createInsecure();
  let certField = '';
  if (clientCert) {
    const own = makeServerCertificate();
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(clientCert),
      [{ private_key: Buffer.from(own.keyPem), cert_chain: Buffer.from(own.certPem) }],
      true,
    );
    certField = own.handshakeCert;
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, server, handshakeLine: `1|6|tcp|127.0.0.1:${port}|grpc|${certField}` };
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
