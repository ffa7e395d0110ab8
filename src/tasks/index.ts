import { importVocabularyTask } from './demo/import-vocabulary.js';
import { waitTask } from './demo/wait.js';
import { fanOutTask } from './demo/fan-out.js';
import { httpRequestTask } from './http-request.js';

/**
 * Tasks every Jobdeck has. `maintenance.prune-history` is built in too: createJobdeck registers
 * it bound to its database (see tasks/maintenance/prune-history.ts).
 */
export const builtinTasks = [httpRequestTask];
/** Tasks `npm start` loads to try Jobdeck out. */
export const demoTasks = [waitTask, importVocabularyTask, fanOutTask];

export { fanOutTask, httpRequestTask, importVocabularyTask, waitTask };
