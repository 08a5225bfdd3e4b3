import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { EvidenceAttachment, EvidenceKind } from '../../api';

const KINDS: Array<[EvidenceKind, string]> = [
  ['log', 'Log'],
  ['schema', 'Schema'],
  ['trace', 'Trace'],
  ['sample', 'Dataset sample'],
];
const ACCEPT =
  '.log,.txt,.out,.err,.trace,.json,.jsonl,.ndjson,.yaml,.yml,.sql,.ddl,.avsc,.proto,.csv,.tsv,.xml';

/** More evidence for an incident: paste text or pick a file (text formats, 10 MB at most). */
export function AttachEvidenceDialog(props: {
  open: boolean;
  busy?: boolean;
  error?: string;
  onCancel(): void;
  onSubmit(input: EvidenceAttachment): void;
}) {
  const [kind, setKind] = useState<EvidenceKind>('log');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const valid = Boolean(file) || text.trim().length > 0;
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      fullWidth
      maxWidth="sm"
      aria-labelledby="attach-evidence-title"
    >
      <DialogTitle id="attach-evidence-title">Attach evidence</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The incident is classified again with everything attached, and the
          next investigation reads it.
        </DialogContentText>
        <TextField
          select
          fullWidth
          margin="normal"
          label="Kind"
          value={kind}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': 'Kind' }}
          onChange={e => setKind(e.target.value as EvidenceKind)}
        >
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </TextField>
        <input
          type="file"
          accept={ACCEPT}
          aria-label="File"
          onChange={e => setFile(e.target.files?.[0] ?? undefined)}
        />
        {!file && (
          <>
            <TextField
              fullWidth
              margin="normal"
              label="Name"
              value={name}
              inputProps={{ 'aria-label': 'Name' }}
              onChange={e => setName(e.target.value)}
            />
            <TextField
              fullWidth
              multiline
              minRows={6}
              margin="normal"
              label="Pasted text"
              value={text}
              inputProps={{ 'aria-label': 'Pasted text' }}
              onChange={e => setText(e.target.value)}
            />
          </>
        )}
        {props.error && <Alert severity="error">{props.error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!valid || props.busy}
          onClick={() =>
            props.onSubmit(
              file
                ? { kind, file }
                : { kind, name: name.trim() || undefined, text },
            )
          }
        >
          Attach
        </Button>
      </DialogActions>
    </Dialog>
  );
}
