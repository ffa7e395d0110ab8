import type { JobResource, JsonObject } from '../../api/types.ts';

/** Configure and run: what the jobs list, the job page and the run page ("Edit and run again") pass. */
export interface RunDialogProps {
  job: JobResource;
  /** Arguments to prefill (e.g. those of an earlier run); the job's saved args otherwise. */
  initialArgs?: JsonObject;
  initialTitle?: string;
  initialQueue?: string;
  open: boolean;
  onClose: () => void;
}

export function RunDialog(_props: RunDialogProps) {
  return null;
}
