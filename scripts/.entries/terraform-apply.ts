import '../../shared/dirname-shim.js';
import { runAction } from '../../shared/action.js';
import { main } from '../../actions/terraform-apply/main.js';
await runAction(main);
