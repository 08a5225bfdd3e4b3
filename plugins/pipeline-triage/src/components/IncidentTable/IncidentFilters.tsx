import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  CATEGORIES,
  CATEGORY_INFO,
  DOMAINS,
  ENVIRONMENTS,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentFilterValues } from './incidentFilters';

const OPTIONS: Record<keyof IncidentFilterValues, Array<[string, string]>> = {
  status: [
    ['', 'Any status'],
    ['active', 'Open or acknowledged'],
    ['open', 'Open'],
    ['acknowledged', 'Acknowledged'],
    ['resolved', 'Resolved'],
  ],
  category: [
    ['', 'Any category'],
    ...CATEGORIES.map(c => [c, CATEGORY_INFO[c].label] as [string, string]),
  ],
  domain: [['', 'Any domain'], ...DOMAINS.map(d => [d, d] as [string, string])],
  environment: [
    ['', 'Any environment'],
    ...ENVIRONMENTS.map(e => [e, e] as [string, string]),
  ],
};

const LABELS: Record<keyof IncidentFilterValues, string> = {
  status: 'Status',
  category: 'Category',
  domain: 'Domain',
  environment: 'Environment',
};

/** Native selects: fast with a keyboard and easy to drive from browser tests. */
export function IncidentFilters(props: {
  value: IncidentFilterValues;
  onChange(value: IncidentFilterValues): void;
}) {
  const { value, onChange } = props;
  return (
    <Grid container spacing={2}>
      {(Object.keys(OPTIONS) as Array<keyof IncidentFilterValues>).map(
        field => (
          <Grid item xs={6} md={3} key={field}>
            <TextField
              select
              fullWidth
              variant="outlined"
              size="small"
              label={LABELS[field]}
              value={value[field]}
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              inputProps={{
                'aria-label': LABELS[field],
                'data-testid': `filter-${field}`,
              }}
              onChange={e => onChange({ ...value, [field]: e.target.value })}
            >
              {OPTIONS[field].map(([optionValue, label]) => (
                <option key={optionValue} value={optionValue}>
                  {label}
                </option>
              ))}
            </TextField>
          </Grid>
        ),
      )}
    </Grid>
  );
}
