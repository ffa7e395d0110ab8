import { Typography } from 'antd';

export default function JobPage() {
  return <Typography.Title level={2}>Job</Typography.Title>;
}
