import { googleProvider, nullProvider } from './definitions.js';
import { runPluginProcess } from './server.js';

/**
 * The stand-in provider executable: `main.ts google` serves registry.terraform.io/hashicorp/google,
 * `main.ts null` hashicorp/null. Terraform starts it from the sandbox's filesystem mirror (see install.ts).
 */
const which = process.argv[2] ?? 'google';
await runPluginProcess(which === 'null' ? nullProvider() : googleProvider());
