import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  CATEGORIES,
  CATEGORY_INFO,
  type Category,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** A person's correction; the reason is required because it feeds rule tuning and the audit trail. */
export function OverrideCategoryDialog(props: {
  open: boolean;
  current: Category;
  busy?: boolean;
  onCancel(): void;
  onSubmit(category: Category, reason: string): void;
}) {
  const [category, setCategory] = useState<Category>(props.current);
  const [reason, setReason] = useState('');
  const valid = category !== props.current && reason.trim().length > 0;

  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      fullWidth
      maxWidth="sm"
      aria-labelledby="override-category-title"
    >
      <DialogTitle id="override-category-title">Override category</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Pick the category this failure really is and say why. Routing and
          retry advice follow the new category.
        </DialogContentText>
        <TextField
          select
          fullWidth
          margin="normal"
          label="Category"
          value={category}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': 'Category' }}
          onChange={e => setCategory(e.target.value as Category)}
        >
          {CATEGORIES.map(c => (
            <option key={c} value={c}>
              {CATEGORY_INFO[c].label}
            </option>
          ))}
        </TextField>
        <TextField
          fullWidth
          required
          multiline
          minRows={2}
          margin="normal"
          label="Reason"
          value={reason}
          inputProps={{ 'aria-label': 'Reason', maxLength: 2000 }}
          helperText={
            category === props.current
              ? 'Choose a different category'
              : 'Required'
          }
          onChange={e => setReason(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!valid || props.busy}
          onClick={() => props.onSubmit(category, reason.trim())}
        >
          Override
        </Button>
      </DialogActions>
    </Dialog>
  );
}
