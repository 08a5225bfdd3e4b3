import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { RouteDecision } from '@pipeline-triage/plugin-pipeline-triage-common';

/** Who was told, by which rule and why: the first question when the wrong team got paged. */
export function RouteSection(props: { route: RouteDecision }) {
  const { recipient, copy, rule, reason, notify } = props.route;
  return (
    <>
      <Typography variant="body2">
        <strong>Routed to:</strong>{' '}
        {recipient ? <EntityRefLink entityRef={recipient} /> : 'nobody'}
        {!notify && ' (no notification sent)'}
      </Typography>
      {copy.length > 0 && (
        <Typography variant="body2">
          <strong>Copied:</strong>{' '}
          {copy.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={ref} />
            </span>
          ))}
        </Typography>
      )}
      <Typography variant="body2">
        <strong>Rule:</strong> <code>{rule}</code> — {reason}
      </Typography>
    </>
  );
}
