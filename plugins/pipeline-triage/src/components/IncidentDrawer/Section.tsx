import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A titled block of the drawer; hidden when it has nothing to say. */
export function Section(props: {
  title: string;
  children: ReactNode;
  hidden?: boolean;
}) {
  if (props.hidden) return null;
  return (
    <Box component="section" mb={3} aria-label={props.title}>
      <Typography variant="overline" color="textSecondary" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
