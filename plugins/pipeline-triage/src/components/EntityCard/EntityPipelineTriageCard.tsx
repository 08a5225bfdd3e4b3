import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { isGroup, hasLinkingAnnotation } from '../EntityTab/entityScopes';
import {
  CategoryChip,
  RelativeTime,
  RetryVerdictLabel,
  TriageErrorPanel,
  useIncidentSignal,
} from '../shared';
import { Sparkline } from './Sparkline';
import { useCardData } from './useCardData';

/** @public */
export interface EntityPipelineTriageCardProps {
  /** The path of the entity tab, as mounted in the app's EntityLayout. */
  tabPath?: string;
  /** Fixed sparkline size; only needed where there is no layout (tests). */
  sparklineSize?: { width: number; height: number };
}

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Grid item xs={6}>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** The overview answer to "is this broken, since when, and can I just re-run it?". */
export function EntityPipelineTriageCard(props: EntityPipelineTriageCardProps) {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const group = isGroup(entity);
  const entityRoute = useRouteRef(entityRouteRef);
  const data = useCardData(ref, group);
  useIncidentSignal(undefined, data.retry);

  const tabLink = `${entityRoute(
    entityRouteParams(entity, { encodeParams: true }),
  )}/${props.tabPath ?? 'pipeline-triage'}`;
  const deepLink = { title: 'View triage history', link: tabLink };

  if (data.loading && !data.value) {
    return (
      <InfoCard title="Pipeline triage">
        <Progress />
      </InfoCard>
    );
  }
  if (data.error) {
    return (
      <InfoCard title="Pipeline triage">
        <TriageErrorPanel
          error={data.error}
          title="Could not load triage data"
        />
      </InfoCard>
    );
  }
  const value = data.value!;
  const last = value.lastFailure;
  // Teams have no failing-since; open incidents without it still mean "not fine".
  const notFailingText = value.openIncidents ? '—' : 'Not failing';

  if (!last && !group && !hasLinkingAnnotation(entity)) {
    return (
      <InfoCard
        title="Pipeline triage"
        deepLink={{ title: 'How to link this entity', link: tabLink }}
      >
        <Typography variant="body2">
          No pipeline failures are linked to this entity. Add a Pipeline Triage
          annotation to link them.
        </Typography>
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Pipeline triage" deepLink={deepLink}>
      <Grid container spacing={2}>
        <Fact label={group ? 'Open incidents routed here' : 'Open incidents'}>
          <span data-testid="card-open-incidents">
            {value.openIncidents}
            {value.openCapped ? '+' : ''}
          </span>
        </Fact>
        <Fact label="Failing since">
          {value.failingSince ? (
            <RelativeTime value={value.failingSince} />
          ) : (
            notFailingText
          )}
        </Fact>
        <Grid item xs={12}>
          <Typography variant="caption" color="textSecondary">
            Last failure
          </Typography>
          {last ? (
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8 }}
            >
              <CategoryChip
                category={last.category}
                overridden={last.categoryOverridden}
              />
              <Typography variant="body2" component="span">
                <RelativeTime value={last.lastSeen} />
              </Typography>
              <Typography variant="body2" component="span">
                Safe to retry:
              </Typography>
              <RetryVerdictLabel safe={last.safeToRetry} />
              <Typography variant="body2" style={{ width: '100%' }}>
                {last.title}
              </Typography>
            </Box>
          ) : (
            <Typography variant="body2">No failures recorded.</Typography>
          )}
        </Grid>
        {value.weeks.length > 0 && (
          <Grid item xs={12}>
            <Typography variant="caption" color="textSecondary">
              Failures per week, last {value.weeks.length} weeks
            </Typography>
            <Sparkline weeks={value.weeks} size={props.sparklineSize} />
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}
