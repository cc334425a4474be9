import '../../shared/dirname-shim.js';
import { runAction } from '../../shared/action.js';
import { main } from '../../actions/create-gitspace/main.js';
await runAction(main);
