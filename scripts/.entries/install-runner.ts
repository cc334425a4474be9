import '../../shared/dirname-shim.js';
import { runAction } from '../../shared/action.js';
import { main } from '../../actions/install-runner/main.js';
await runAction(main);
