import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { IncidentDetail } from '@pipeline-triage/plugin-pipeline-triage-common';
import { EvidenceLines } from './EvidenceLines';
import { Hypotheses, MissingEvidenceView } from './Hypotheses';
import { RecommendationSection } from './RecommendationSection';
import { RetrySection } from './RetrySection';
import { RouteSection } from './RouteSection';
import { LinkedEntities } from './LinkedEntities';
import { SourceLinks } from './SourceLinks';
import {
  NotificationHistory,
  OccurrencesList,
  StatusHistory,
} from './HistoryLists';
import { Section } from './Section';
import { SinkDeliveries } from './SinkDeliveries';
import { CausedByLine, DownstreamList, PagingLine } from '../Cascade';
import {
  ChangesSinceSuccess,
  JobHistoryFlags,
  PastFixes,
} from './JobHistorySection';

/** Everything triage concluded, in the order on-call reads it: what, why, what now, who. */
export function IncidentDetailView(props: { incident: IncidentDetail }) {
  const i = props.incident;
  const { classification } = i.verdict;
  return (
    <>
      <Section title="Error summary">
        <Typography variant="body1">{i.verdict.summary}</Typography>
        {i.latestEvent?.errorMessage &&
          i.latestEvent.errorMessage !== i.verdict.summary && (
            <Typography
              variant="body2"
              color="textSecondary"
              style={{ fontFamily: 'monospace' }}
            >
              {i.latestEvent.errorMessage}
            </Typography>
          )}
      </Section>
      <Section title="Cascade" hidden={!i.causedBy && !i.downstreamIncidents}>
        {i.causedBy && <CausedByLine causedBy={i.causedBy} />}
        {i.downstreamIncidents && (
          <>
            <Typography variant="body2">
              This failure caused {i.downstreamIncidents.length} downstream{' '}
              {i.downstreamIncidents.length === 1 ? 'incident' : 'incidents'}:
            </Typography>
            <DownstreamList incidents={i.downstreamIncidents} />
          </>
        )}
      </Section>
      <Section title="Paging" hidden={!i.paging}>
        <PagingLine paging={i.paging} reason={i.pagingReason} />
      </Section>
      <Section title="Job history" hidden={!i.silent && !i.flaky}>
        <JobHistoryFlags incident={i} />
      </Section>
      <Section title="What changed since the last success" hidden={!i.changes}>
        <ChangesSinceSuccess changes={i.changes ?? []} />
      </Section>
      <Section title="Past fixes" hidden={!i.pastResolutions?.length}>
        <PastFixes resolutions={i.pastResolutions ?? []} />
      </Section>
      <Section title="Retry">
        <RetrySection
          retry={i.verdict.retry}
          partialWrite={i.verdict.partialWrite}
        />
      </Section>
      <Section title="Recommendation">
        <RecommendationSection
          recommendation={i.recommendation ?? i.verdict.recommendation}
        />
      </Section>
      <Section title="Evidence">
        <EvidenceLines
          lines={i.evidenceLines}
          decisive={classification.evidence}
        />
      </Section>
      <Section title="Root-cause chain" hidden={!i.causeChain.length}>
        <Box component="ol" pl={3} m={0}>
          {i.causeChain.map((cause, index) => (
            <li key={index}>
              <Typography variant="body2">{cause}</Typography>
            </li>
          ))}
        </Box>
      </Section>
      {i.verdict.missingEvidence && (
        <Section title="Missing evidence">
          <MissingEvidenceView missing={i.verdict.missingEvidence} />
        </Section>
      )}
      <Section title="Hypotheses considered">
        <Hypotheses classification={classification} />
      </Section>
      <Section title="Route">
        <RouteSection route={i.route} />
      </Section>
      <Section title="Linked entities">
        <LinkedEntities entities={i.linkedEntities} />
      </Section>
      <Section title="Source system">
        <SourceLinks links={i.links} />
      </Section>
      <Section title="Occurrences">
        <OccurrencesList occurrences={i.occurrencesList} />
      </Section>
      <Section title="Status history">
        <StatusHistory changes={i.statusHistory} />
      </Section>
      <Section title="Notifications">
        <NotificationHistory notifications={i.notifications} />
      </Section>
      <Section title="Sink deliveries" hidden={!i.sinkDeliveries?.length}>
        <SinkDeliveries deliveries={i.sinkDeliveries ?? []} />
      </Section>
    </>
  );
}
