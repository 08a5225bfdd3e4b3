import type {
  Category,
  Domain,
  Environment,
  IncidentStatus,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentQuery } from '../../api';

/** One value per select; '' means "any". */
export interface IncidentFilterValues {
  status: '' | 'active' | IncidentStatus;
  category: '' | Category;
  domain: '' | Domain;
  environment: '' | Environment;
}

export const EMPTY_FILTERS: IncidentFilterValues = {
  status: '',
  category: '',
  domain: '',
  environment: '',
};

export function hasFilters(values: IncidentFilterValues): boolean {
  return Object.values(values).some(Boolean);
}

/** Turns the selects into API query fields; "active" is the common open-or-acknowledged view. */
export function filtersToQuery(values: IncidentFilterValues): IncidentQuery {
  const query: IncidentQuery = {};
  if (values.status === 'active') query.status = ['open', 'acknowledged'];
  else if (values.status) query.status = [values.status];
  if (values.category) query.category = [values.category];
  if (values.domain) query.domain = [values.domain];
  if (values.environment) query.environment = [values.environment];
  return query;
}
