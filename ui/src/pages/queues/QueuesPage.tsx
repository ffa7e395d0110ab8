import { Empty } from 'antd';

/** Placeholder: owned and built by UI-B. */
export default function QueuesPage() {
  return <Empty description="QueuesPage: coming soon" />;
}
