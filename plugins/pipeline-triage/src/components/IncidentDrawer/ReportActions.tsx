import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { pipelineTriageApiRef } from '../../api';
import { errorMessage } from '../shared';

/** Saves text as a file without a server round trip; the report is already in memory. */
function download(filename: string, text: string) {
  const blob = new Blob([text], { type: 'text/markdown' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** The Markdown report is for tickets and postmortems: download it or paste it. */
export function ReportActions(props: { incidentId: string }) {
  const api = useApi(pipelineTriageApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);

  const withReport = async (
    handle: (text: string) => Promise<void> | void,
    done: string,
  ) => {
    setBusy(true);
    try {
      await handle(await api.getReport(props.incidentId));
      alertApi.post({
        message: done,
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Could not get the report: ${errorMessage(e as Error)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" style={{ gap: 8 }}>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy}
        onClick={() =>
          withReport(
            text => download(`${props.incidentId}.md`, text),
            'Report downloaded',
          )
        }
      >
        Download report
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<FileCopyIcon />}
        disabled={busy}
        onClick={() =>
          withReport(
            text => navigator.clipboard.writeText(text),
            'Report copied as Markdown',
          )
        }
      >
        Copy report
      </Button>
    </Box>
  );
}
