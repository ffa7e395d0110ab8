import { Empty } from 'antd';

/** Placeholder: owned and built by UI-B. */
export default function AuditPage() {
  return <Empty description="AuditPage: coming soon" />;
}
