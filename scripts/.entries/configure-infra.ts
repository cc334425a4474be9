import '../../shared/dirname-shim.js';
import { runAction } from '../../shared/action.js';
import { main } from '../../actions/configure-infra/main.js';
await runAction(main);
