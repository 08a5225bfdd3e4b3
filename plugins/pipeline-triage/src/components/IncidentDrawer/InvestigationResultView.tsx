import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type {
  InvestigationHypothesis,
  InvestigationResult,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { CategoryChip } from '../shared';

/** One hypothesis: its likelihood as a bar, the evidence for and against by line id. */
export function HypothesisRow(props: { hypothesis: InvestigationHypothesis }) {
  const h = props.hypothesis;
  const pct = Math.round(h.likelihood * 100);
  return (
    <Box mb={1.5} aria-label={`Hypothesis: ${h.title}`} role="group">
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <CategoryChip category={h.category} />
        <Typography variant="body2" style={{ fontWeight: 500 }}>
          {h.title}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {h.status}
        </Typography>
      </Box>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mt={0.5}>
        <Box flexGrow={1}>
          <LinearProgress
            variant="determinate"
            value={pct}
            aria-label={`Likelihood ${pct}%`}
          />
        </Box>
        <Typography variant="caption">{pct}%</Typography>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {h.reason}
        {h.evidenceFor.length > 0 && ` · for: ${h.evidenceFor.join(', ')}`}
        {h.evidenceAgainst.length > 0 &&
          ` · against: ${h.evidenceAgainst.join(', ')}`}
      </Typography>
    </Box>
  );
}

/** The concluded investigation: live hypotheses first, dismissed ones with why, then cause and fix. */
export function InvestigationResultView(props: {
  result: InvestigationResult;
}) {
  const { result } = props;
  const byLikelihood = [...result.hypotheses].sort(
    (a, b) => b.likelihood - a.likelihood,
  );
  const kept = byLikelihood.filter(h => h.status !== 'dismissed');
  const dismissed = byLikelihood.filter(h => h.status === 'dismissed');
  return (
    <>
      <Typography variant="subtitle2">Hypotheses</Typography>
      {kept.map((h, i) => (
        <HypothesisRow key={`k${i}`} hypothesis={h} />
      ))}
      {dismissed.length > 0 && (
        <Box aria-label="Dismissed hypotheses" role="group">
          <Typography variant="subtitle2">Dismissed</Typography>
          {dismissed.map((h, i) => (
            <HypothesisRow key={`d${i}`} hypothesis={h} />
          ))}
        </Box>
      )}
      <Box mt={2} aria-label="Root cause" role="group">
        <Typography variant="subtitle2">
          Root cause ({Math.round(result.rootCause.confidence * 100)}%
          confident)
        </Typography>
        <Typography variant="body2">{result.rootCause.summary}</Typography>
      </Box>
      <Box mt={2} aria-label="Remediation" role="group">
        <Typography variant="subtitle2">Remediation</Typography>
        <dl style={{ margin: 0 }}>
          {(
            [
              ['Immediate fix', result.remediation.immediateFix],
              ['Config or code change', result.remediation.change],
              ['Prevention', result.remediation.prevention],
              ['Monitoring', result.remediation.monitoring],
            ] as const
          ).map(([label, text]) => (
            <Box key={label} mb={1}>
              <Typography
                variant="caption"
                component="dt"
                color="textSecondary"
              >
                {label}
              </Typography>
              <Typography variant="body2" component="dd" style={{ margin: 0 }}>
                {text}
              </Typography>
            </Box>
          ))}
        </dl>
      </Box>
    </>
  );
}
