import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import type {
  Category,
  IncidentStatus,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentUpdate } from '../../api';
import { OverrideCategoryDialog } from './OverrideCategoryDialog';
import { ResolveDialog } from './ResolveDialog';
import { useIncidentPermissions } from './useIncidentPermissions';

/**
 * Only the transitions that make sense from the current status are offered, and only to a user
 * the permission policy lets update this incident.
 */
export function IncidentActions(props: {
  incidentId: string;
  status: IncidentStatus;
  category: Category;
  /** Open incidents this one caused downstream: resolving it offers to resolve them too. */
  openDownstream?: number;
  busy: boolean;
  onAction(update: IncidentUpdate): Promise<boolean>;
}) {
  const { status, busy, onAction } = props;
  const [overriding, setOverriding] = useState(false);
  const [resolving, setResolving] = useState(false);
  const { canUpdate } = useIncidentPermissions(props.incidentId);
  if (!canUpdate) return null;

  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {status === 'open' && (
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={() => onAction({ action: 'acknowledge' })}
        >
          Acknowledge
        </Button>
      )}
      {status !== 'resolved' && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => setResolving(true)}
        >
          Resolve
        </Button>
      )}
      {status !== 'resolved' && (props.openDownstream ?? 0) > 0 && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => onAction({ action: 'resolve', cascade: true })}
        >
          Resolve with its cascade ({props.openDownstream})
        </Button>
      )}
      {resolving && (
        <ResolveDialog
          open
          busy={busy}
          onCancel={() => setResolving(false)}
          onSubmit={async note => {
            if (
              await onAction({ action: 'resolve', ...(note ? { note } : {}) })
            )
              setResolving(false);
          }}
        />
      )}
      {status === 'resolved' && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => onAction({ action: 'reopen' })}
        >
          Reopen
        </Button>
      )}
      <Button
        variant="outlined"
        disabled={busy}
        onClick={() => setOverriding(true)}
      >
        Override category
      </Button>
      {overriding && (
        <OverrideCategoryDialog
          open
          current={props.category}
          busy={busy}
          onCancel={() => setOverriding(false)}
          onSubmit={async (category, reason) => {
            if (await onAction({ action: 'override', category, reason }))
              setOverriding(false);
          }}
        />
      )}
    </Box>
  );
}
