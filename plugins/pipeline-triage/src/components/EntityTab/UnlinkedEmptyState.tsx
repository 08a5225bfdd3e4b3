import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CodeSnippet,
  EmptyState,
  LinkButton,
} from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { annotationExample } from './annotationExample';

export const DEFAULT_DOCS_URL =
  'https://backstage.io/docs/features/software-catalog/descriptor-format#annotations-optional';

/** Says exactly what to add to catalog-info.yaml so failures of this entity get linked to it. */
export function UnlinkedEmptyState(props: {
  entity: Entity;
  readMoreUrl?: string;
}) {
  return (
    <EmptyState
      missing="field"
      title="This entity is not linked to any pipeline"
      description={
        <Typography variant="body1" component="span">
          Pipeline Triage links failure events to catalog entities through
          annotations. Add one of them to this entity&apos;s catalog-info.yaml
          (values may list several names separated by commas, and <code>*</code>{' '}
          matches any run of characters). Failures reported after that appear
          here.
        </Typography>
      }
      action={
        <Box>
          <CodeSnippet
            language="yaml"
            text={annotationExample(props.entity)}
            showLineNumbers
            showCopyCodeButton
          />
          <Box mt={2}>
            <LinkButton
              color="primary"
              variant="contained"
              to={props.readMoreUrl ?? DEFAULT_DOCS_URL}
            >
              Read more about annotations
            </LinkButton>
          </Box>
        </Box>
      }
    />
  );
}
