import { Button, Tooltip, type TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RunResource } from '../../api/types.ts';

/**
 * Ticking runs in a runs table to compare two of them: the table's row selection (at most two)
 * and the button that opens the comparison, older run as A.
 */
export function useCompareSelection() {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<number[]>([]);
  const rowSelection: TableProps<RunResource>['rowSelection'] = {
    selectedRowKeys: picked,
    // The newest two ticks are kept: ticking a third drops the oldest tick.
    onChange: (keys) => setPicked(keys.map(Number).slice(-2)),
    hideSelectAll: true,
    columnTitle: <span className="sr-only">Compare</span>,
    getCheckboxProps: (run) => ({ 'aria-label': `Pick run ${run.id} to compare` }) as never,
  };
  const [a, b] = [...picked].sort((x, y) => x - y);
  const button = (
    <Tooltip title={picked.length === 2 ? '' : 'Tick two runs to compare them'}>
      <Button
        disabled={picked.length !== 2}
        onClick={() => void navigate(`/compare?a=${a}&b=${b}`)}
        data-testid="compare-runs"
      >
        Compare {picked.length === 2 ? `runs ${a} and ${b}` : 'two runs'}
      </Button>
    </Tooltip>
  );
  return { rowSelection, button };
}
