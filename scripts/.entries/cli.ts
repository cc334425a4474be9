import '../../shared/dirname-shim.js';
import { cli } from '../../cli/main.js';
process.exitCode = await cli(process.argv.slice(2));
