import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import type { EventLink } from '@pipeline-triage/plugin-pipeline-triage-common';

const KIND_LABELS: Record<string, string> = {
  log: 'Logs',
  spark_ui: 'Spark UI',
  glue_console: 'Glue console',
  dbt_run: 'dbt run',
  airflow_task_instance: 'Airflow task instance',
  dagster_run: 'Dagster run',
  other: 'Link',
};

/** Deep links into the scheduler or engine that ran the job. */
export function SourceLinks(props: { links: EventLink[] }) {
  if (!props.links.length) return <em>The sender gave no links.</em>;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {props.links.map(link => (
        <Button
          key={link.url}
          size="small"
          variant="outlined"
          href={link.url}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNewIcon fontSize="small" />}
        >
          {link.label ?? KIND_LABELS[link.kind] ?? link.kind}
        </Button>
      ))}
    </Box>
  );
}
