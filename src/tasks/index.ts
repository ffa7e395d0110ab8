import { importVocabularyTask } from './demo/import-vocabulary.js';
import { waitTask } from './demo/wait.js';
import { httpRequestTask } from './http-request.js';

/** Tasks every Jobdeck has. */
export const builtinTasks = [httpRequestTask];
/** Tasks `npm start` loads to try Jobdeck out. */
export const demoTasks = [waitTask, importVocabularyTask];

export { httpRequestTask, importVocabularyTask, waitTask };
