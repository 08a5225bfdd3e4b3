import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';

/** Resolving asks how it was fixed: the note is shown to the next incident of the same failure. */
export function ResolveDialog(props: {
  open: boolean;
  busy?: boolean;
  onCancel(): void;
  onSubmit(note: string | undefined): void;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      fullWidth
      maxWidth="sm"
      aria-labelledby="resolve-incident-title"
    >
      <DialogTitle id="resolve-incident-title">Resolve incident</DialogTitle>
      <DialogContent>
        <DialogContentText>
          How was it fixed? The next incident with the same failure, on this job
          or another, shows your note under Past fixes.
        </DialogContentText>
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          label="Fix note (optional)"
          value={note}
          inputProps={{ 'aria-label': 'Fix note', maxLength: 4000 }}
          onChange={e => setNote(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={props.busy}
          onClick={() => props.onSubmit(note.trim() || undefined)}
        >
          Resolve
        </Button>
      </DialogActions>
    </Dialog>
  );
}
