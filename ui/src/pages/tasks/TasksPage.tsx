import { Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTasks } from '../../api/queries.ts';
import { PageError } from '../../components/PageState.tsx';
import { useTitle } from '../../hooks/useTitle.ts';

type TaskRow = NonNullable<ReturnType<typeof useTasks>['data']>[number];

/** /admin/tasks — every task the deployment registered; each links to its page. */
export default function TasksPage() {
  const tasks = useTasks();
  const [q, setQ] = useState('');
  useTitle('Tasks');

  const needle = q.trim().toLowerCase();
  const shown = (tasks.data ?? []).filter(
    (t) => !needle || [t.id, t.title, t.description].some((text) => text.toLowerCase().includes(needle)),
  );
  const columns: ColumnsType<TaskRow> = [
    {
      title: 'Task',
      key: 'task',
      render: (_, t) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/tasks/${encodeURIComponent(t.id)}`}>{t.title}</Link>
          <div>
            <Typography.Text type="secondary" code>
              {t.id}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Description', dataIndex: 'description', key: 'description' },
  ];

  if (tasks.isError) return <PageError error={tasks.error} retry={() => void tasks.refetch()} />;
  return (
    <section aria-labelledby="tasks-title">
      <Typography.Title level={3} id="tasks-title" style={{ marginTop: 0 }}>
        Tasks
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        The code jobs run, as registered by this deployment. Open one for its arguments, the jobs that use it and how
        its recent runs went.
      </Typography.Paragraph>
      <Input.Search
        aria-label="Search tasks"
        placeholder="Search by id, title or description"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table
        rowKey="id"
        size="middle"
        loading={tasks.isPending}
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: needle ? 'No task matches the search' : 'No tasks are registered' }}
        onRow={(t) => ({ 'data-task': t.id }) as React.HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}
