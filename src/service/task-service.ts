import type { AnyTask } from '../domain/task.js';
import { argsJsonSchema, type TaskRegistry } from '../domain/task-registry.js';

export interface TaskInfo {
  id: string;
  title: string;
  description: string;
  /** JSON Schema of the arguments, for generated forms. */
  argsSchema: Record<string, unknown>;
}

/** The registered task types as administrators see them. */
export class TaskService {
  constructor(readonly registry: TaskRegistry) {}

  list(): TaskInfo[] {
    return this.registry.list().map(describe);
  }

  get(id: string): TaskInfo {
    return describe(this.registry.get(id));
  }
}

function describe(task: AnyTask): TaskInfo {
  return { id: task.id, title: task.title, description: task.description, argsSchema: argsJsonSchema(task) };
}
