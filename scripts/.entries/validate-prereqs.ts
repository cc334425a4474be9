import '../../shared/dirname-shim.js';
import { runAction } from '../../shared/action.js';
import { main } from '../../actions/validate-prereqs/main.js';
await runAction(main);
