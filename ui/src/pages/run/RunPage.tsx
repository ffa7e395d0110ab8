import { Empty } from 'antd';

/** Placeholder: owned and built by UI-B. */
export default function RunPage() {
  return <Empty description="RunPage: coming soon" />;
}
