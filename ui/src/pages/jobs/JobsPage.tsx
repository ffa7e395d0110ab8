import { Typography } from 'antd';

export default function JobsPage() {
  return <Typography.Title level={2}>Jobs</Typography.Title>;
}
