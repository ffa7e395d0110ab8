import { DownloadOutlined, VerticalAlignBottomOutlined, VerticalAlignTopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  Empty,
  Grid,
  Input,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, apiUrl, call, errorMessage } from '../../api/client.ts';
import type { LogLineWire, LogPage } from '../../api/types.ts';
import type { operations } from '../../../../src/client/openapi.ts';
import { copyText } from './copy-text.ts';
import { LogBuffer } from './log-buffer.ts';
import { logLineText } from './log-line-text.ts';
import { LogList, type LogListHandle } from './LogList.tsx';
import { useDebounced } from './useDebounced.ts';
import { useLogTail, type TailState } from './useLogTail.ts';
import './log-viewer.css';

const LEVELS = [
  { value: '', label: 'All levels' },
  { value: 'info', label: 'Info and above' },
  { value: 'warn', label: 'Warnings and errors' },
  { value: 'error', label: 'Errors only' },
];

const TAIL_LABELS: Record<TailState, { text: string; color: string }> = {
  off: { text: 'Not following', color: 'default' },
  connecting: { text: 'Connecting…', color: 'warning' },
  live: { text: 'Live', color: 'processing' },
  ended: { text: 'Run ended', color: 'default' },
  failed: { text: 'Live tail failed', color: 'error' },
};

export interface LogViewerProps {
  runId: number;
  jobId: string;
  /** The run may still write lines (queued, running or stopping). */
  active: boolean;
  /** A line to scroll to and mark (a search hit's link: ?line= or #line-). */
  focusSeq?: number | undefined;
  /** Shown left of the filters (e.g. a sub-run selector). */
  extra?: React.ReactNode;
}

type LogLevel = NonNullable<NonNullable<operations['listRunLogs']['parameters']['query']>['level']>;

/**
 * A run's log: level filter and text search (done by the API), follow mode (live tail), wrap,
 * copy a line, download as text or NDJSON. Stays smooth at any length: see LogBuffer and LogList.
 */
export function LogViewer({ runId, jobId, active, focusSeq, extra }: LogViewerProps) {
  const { message } = AntApp.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [level, setLevel] = useState<LogLevel | ''>('');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [wrap, setWrap] = useState(false);
  const [follow, setFollow] = useState(active && focusSeq === undefined);
  const list = useRef<LogListHandle>(null);
  const filtered = Boolean(level || q);
  const logsPath = `/jobs/${encodeURIComponent(jobId)}/runs/${runId}/logs`;

  // Under the run's key: the events that refresh the run refresh the log's length too.
  const stats = useQuery({
    queryKey: ['run', runId, 'log-stats'],
    queryFn: ({ signal }) =>
      call(api.GET('/runs/{run_id}/logs/stats', { params: { path: { run_id: runId } }, signal })),
    // A task that only logs sends no events: poll while nobody follows the live tail.
    refetchInterval: active && !follow ? 5000 : false,
  });
  // A filtered view reads forward from the start and needs no length: it must not be rebuilt
  // (and read again) when the length arrives.
  const ready = filtered || stats.data !== undefined;

  const buffer = useMemo(() => {
    if (!ready) return null;
    const fetchPage = (after: number, size: number) =>
      call(
        api.GET('/jobs/{id}/runs/{run_id}/logs', {
          params: { path: { id: jobId, run_id: runId }, query: { after, size, level: level || undefined, q } },
        }),
        // Without follow=true the answer is JSON, not the event stream the route also describes.
      ).then((page) => (page as LogPage).hits.hits);
    return new LogBuffer(fetchPage, { indexed: !filtered, count: stats.data?.last_seq ?? 0 });
    // One buffer per filter, created once the length is known; later lengths reach it via grow().
  }, [jobId, runId, level, q, filtered, ready]);

  const lastSeq = stats.data?.last_seq;
  useEffect(() => {
    if (!buffer || lastSeq === undefined) return;
    buffer.grow(lastSeq);
    buffer.mayHaveMore();
  }, [buffer, lastSeq]);

  const onEnd = useCallback(() => void stats.refetch(), [stats]);
  const tail = useLogTail(buffer, logsPath, { level, q }, follow && active, onEnd);

  const onCopy = useCallback(
    (line: LogLineWire) => {
      copyText(logLineText(line)).then(
        () => message.success(`Copied line ${line.seq}`),
        (error: unknown) => message.error(`Could not copy: ${errorMessage(error)}`),
      );
    },
    [message],
  );

  const download = (format: 'text' | 'ndjson') => apiUrl(`/runs/${runId}/logs/download`, { format, level, q });
  const height = narrow ? '60vh' : 'max(320px, calc(100vh - 260px))';

  return (
    <section aria-label="Logs">
      <Space wrap style={{ marginBottom: 8, width: '100%' }}>
        {extra}
        <Select
          aria-label="Level"
          value={level}
          onChange={setLevel}
          options={LEVELS}
          style={{ width: 180 }}
          data-testid="log-level"
        />
        <Input.Search
          aria-label="Search the log"
          placeholder="Search the log"
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: narrow ? '100%' : 260 }}
        />
        <Tooltip title={active ? 'Show new lines as the run writes them' : 'The run has ended'}>
          <Space size={4}>
            <Switch
              checked={follow && active}
              disabled={!active}
              onChange={setFollow}
              aria-label="Follow"
              size="small"
            />
            <Typography.Text>Follow</Typography.Text>
          </Space>
        </Tooltip>
        <Space size={4}>
          <Switch checked={wrap} onChange={setWrap} aria-label="Wrap lines" size="small" />
          <Typography.Text>Wrap</Typography.Text>
        </Space>
        <Space.Compact>
          <Button
            icon={<VerticalAlignTopOutlined />}
            onClick={() => list.current?.toStart()}
            aria-label="Go to the first line"
          />
          <Button
            icon={<VerticalAlignBottomOutlined />}
            onClick={() => list.current?.toEnd()}
            aria-label="Go to the last line"
          />
        </Space.Compact>
        <Button icon={<DownloadOutlined />} href={download('text')} download>
          Text
        </Button>
        <Button icon={<DownloadOutlined />} href={download('ndjson')} download>
          NDJSON
        </Button>
      </Space>
      {buffer?.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`The log could not be read: ${errorMessage(buffer.error)}`}
          action={
            <Button size="small" onClick={() => buffer.retry()}>
              Try again
            </Button>
          }
        />
      ) : null}
      {stats.isError && !filtered ? (
        <Alert type="error" showIcon title={`The log could not be read: ${errorMessage(stats.error)}`} />
      ) : !buffer ? (
        <div style={{ height: 120 }} role="status" aria-label="Loading the log" />
      ) : (
        <LogBody
          buffer={buffer}
          wrap={wrap}
          follow={follow && active}
          highlight={q}
          height={height}
          onCopy={onCopy}
          listRef={list}
          active={active}
          focusSeq={filtered ? undefined : focusSeq}
        />
      )}
      <LogStatus buffer={buffer} tail={tail} filtered={filtered} />
    </section>
  );
}

interface LogBodyProps {
  buffer: LogBuffer;
  wrap: boolean;
  follow: boolean;
  highlight: string;
  height: string;
  active: boolean;
  onCopy: (line: LogLineWire) => void;
  listRef: React.RefObject<LogListHandle | null>;
  focusSeq: number | undefined;
}

/** The list, or why it is empty. */
function LogBody({ buffer, wrap, follow, highlight, height, active, onCopy, listRef, focusSeq }: LogBodyProps) {
  useBufferVersion(buffer);
  if (buffer.count === 0 && buffer.complete && !buffer.loading) {
    return (
      <Empty
        style={{ padding: 24, border: '1px solid #f0f0f0', borderRadius: 6 }}
        description={
          buffer.indexed ? (active ? 'No log lines yet' : 'This run wrote no log lines') : 'No lines match the filter'
        }
      />
    );
  }
  return (
    <LogList
      ref={listRef}
      buffer={buffer}
      wrap={wrap}
      stickToEnd={follow}
      highlight={highlight}
      height={height}
      onCopy={onCopy}
      focusSeq={focusSeq}
    />
  );
}

function LogStatus({ buffer, tail, filtered }: { buffer: LogBuffer | null; tail: TailState; filtered: boolean }) {
  useBufferVersion(buffer);
  if (!buffer) return null;
  const count = buffer.count.toLocaleString('en');
  const label = TAIL_LABELS[tail];
  return (
    <Space style={{ marginTop: 6 }} wrap>
      <Typography.Text type="secondary" data-testid="log-count">
        {filtered
          ? `${count} matching line${buffer.count === 1 ? '' : 's'}${buffer.complete ? '' : ' so far, scroll for more'}`
          : `${count} line${buffer.count === 1 ? '' : 's'}`}
      </Typography.Text>
      {buffer.loading && <Typography.Text type="secondary">Loading…</Typography.Text>}
      {tail !== 'off' && (
        <Tag color={label.color} data-testid="log-tail" data-state={tail}>
          {label.text}
        </Tag>
      )}
    </Space>
  );
}

function useBufferVersion(buffer: LogBuffer | null): void {
  const [, setVersion] = useState(0);
  useEffect(() => buffer?.subscribe(() => setVersion((v) => v + 1)), [buffer]);
}
