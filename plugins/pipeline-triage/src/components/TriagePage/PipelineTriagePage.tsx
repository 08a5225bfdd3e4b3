import Grid from '@material-ui/core/Grid';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { TrendsPanel } from '../Trends';
import { RepeatFailures } from './RepeatFailures';
import { TriageHealth } from './TriageHealth';

/** Org-wide view: where failures come from week by week, what keeps recurring, and triage health. */
export function PipelineTriagePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Pipeline Triage"
        subtitle="Failed data-pipeline runs, classified and routed"
      />
      <Content>
        <ContentHeader title="Across the organization">
          <SupportButton>
            Failure categories, retry advice and routing for every failed
            pipeline run the catalog knows.
          </SupportButton>
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <TriageHealth />
          </Grid>
          <Grid item xs={12}>
            <TrendsPanel
              title="Weekly failures"
              scope={{}}
              groupings={['category', 'domain', 'team']}
            />
          </Grid>
          <Grid item xs={12}>
            <RepeatFailures />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
