import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, call, errorMessage } from '../../api/client.ts';
import type { operations } from '../../../../src/client/openapi.ts';
import { searchWords } from '../../../../src/domain/log-words.ts';
import { formatAbsolute } from '../../components/RelativeTime.tsx';
import { HighlightedWords } from './HighlightedWords.tsx';

type SearchQuery = NonNullable<operations['searchLogs']['parameters']['query']>;
type Level = NonNullable<SearchQuery['level']>;

const LEVELS = [
  { value: '', label: 'All levels' },
  { value: 'info', label: 'Info and above' },
  { value: 'warn', label: 'Warnings and errors' },
  { value: 'error', label: 'Errors only' },
];
const LEVEL_COLORS: Record<string, string> = { debug: 'default', info: 'blue', warn: 'orange', error: 'red' };
const PAGE_SIZE = 50;

/** /admin/logs — the lines of all runs, by words and filters kept in the URL; each hit opens its line. */
export default function LogsPage() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const filters: SearchQuery = {
    q: get('q'),
    job: get('job'),
    run: get('run') ? Number(get('run')) : undefined,
    include_subruns: get('subruns') === 'true' ? 'true' : undefined,
    level: get('level') as Level | undefined,
    since: get('since'),
    until: get('until'),
    size: PAGE_SIZE,
  };
  const [text, setText] = useState(filters.q ?? '');
  const [jobSearch, setJobSearch] = useState('');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    document.title = 'Logs · Jobdeck';
  }, []);

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  const search = useInfiniteQuery({
    queryKey: ['logs', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.GET('/logs', { params: { query: { ...filters, after: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const jobs = useQuery({
    queryKey: ['jobs', { q: jobSearch, size: 20, page: 1 }],
    queryFn: ({ signal }) => call(api.GET('/jobs', { params: { query: { q: jobSearch, size: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
  const jobOptions = (jobs.data?.hits.hits ?? []).map((j) => ({ value: j.id, label: j.title }));
  if (filters.job && !jobOptions.some((o) => o.value === filters.job)) {
    jobOptions.unshift({ value: filters.job, label: filters.job });
  }

  const hits = search.data?.pages.flatMap((page) => page.hits) ?? [];
  const lastPage = search.data?.pages.at(-1);
  const words = searchWords(filters.q ?? '');
  const range: [Dayjs | null, Dayjs | null] = [
    filters.since ? dayjs(filters.since) : null,
    filters.until ? dayjs(filters.until) : null,
  ];

  return (
    <section aria-labelledby="logs-title">
      <Typography.Title level={3} id="logs-title" style={{ marginTop: 0 }}>
        Logs
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Words"
          placeholder="Words, e.g. timeout record 42"
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ width: 320, maxWidth: '100%' }}
          enterButton="Search"
        />
        <Select
          allowClear
          showSearch
          filterOption={false}
          onSearch={setJobSearch}
          placeholder="All jobs"
          aria-label="Job"
          value={filters.job}
          options={jobOptions}
          onChange={(value?: string) => update({ job: value })}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <InputNumber
          aria-label="Run"
          placeholder="Run #"
          min={1}
          value={filters.run ?? null}
          onChange={(value) => update({ run: value ? String(value) : undefined })}
          style={{ width: 110 }}
        />
        {filters.run !== undefined && (
          <Select
            aria-label="Sub-runs"
            value={filters.include_subruns ?? 'false'}
            onChange={(value) => update({ subruns: value === 'true' ? 'true' : undefined })}
            options={[
              { value: 'false', label: 'This run only' },
              { value: 'true', label: 'With its sub-runs' },
            ]}
            style={{ width: 170 }}
          />
        )}
        <Select
          aria-label="Level"
          value={filters.level ?? ''}
          onChange={(value) => update({ level: value || undefined })}
          options={LEVELS}
          style={{ width: 190 }}
        />
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          aria-label="Time range"
          value={range}
          onChange={(value) =>
            update({ since: value?.[0]?.toISOString() ?? undefined, until: value?.[1]?.toISOString() ?? undefined })
          }
        />
      </Space>
      {search.isError ? (
        <Alert type="error" showIcon title={`The search failed: ${errorMessage(search.error)}`} />
      ) : (
        <List
          size="small"
          bordered
          loading={search.isPending}
          dataSource={hits}
          locale={{
            emptyText: <Empty description={lastPage?.next ? 'Nothing yet: search further' : 'No line matches'} />,
          }}
          renderItem={(hit) => (
            <List.Item data-testid="log-hit" key={`${hit.run_id}:${hit.seq}`}>
              <Space orientation="vertical" size={0} style={{ width: '100%', minWidth: 0 }}>
                <Space size={8} wrap>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {formatAbsolute(hit.time)}
                  </Typography.Text>
                  <Tag color={LEVEL_COLORS[hit.level]}>{hit.level.toUpperCase()}</Tag>
                  <Link
                    to={`/runs/${hit.run_id}?line=${hit.seq}#line-${hit.seq}`}
                    aria-label={`Run ${hit.run_id} line ${hit.seq}`}
                  >
                    Run {hit.run_id} · line {hit.seq}
                  </Link>
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                    {hit.run_title}
                    {hit.parent_run_id !== null && ` (sub-run of ${hit.parent_run_id})`}
                  </Typography.Text>
                </Space>
                <Typography.Text code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <HighlightedWords text={hit.message} words={words} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space style={{ marginTop: 12 }} wrap>
        {search.hasNextPage && (
          <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            {lastPage && lastPage.hits.length < PAGE_SIZE ? 'Search further back' : 'More'}
          </Button>
        )}
        {lastPage?.next && lastPage.hits.length < PAGE_SIZE && (
          <Typography.Text type="secondary" data-testid="log-search-partial">
            Searched back to {formatAbsolute(new Date(Number(lastPage.next.split('.')[0])).toISOString())}.
          </Typography.Text>
        )}
        {search.data && !search.hasNextPage && (
          <Typography.Text type="secondary">
            {hits.length.toLocaleString('en')} line{hits.length === 1 ? '' : 's'}: all lines searched.
          </Typography.Text>
        )}
      </Space>
    </section>
  );
}
