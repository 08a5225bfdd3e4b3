import { ResponseErrorPanel } from '@backstage/core-components';

/** Puts the backend's own message in the title: "Request failed with 404" alone helps nobody. */
export function errorMessage(error: Error): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  if (error.name === 'ResponseError' && cause?.message) return cause.message;
  return error.message;
}

export function TriageErrorPanel(props: { error: Error; title?: string }) {
  const message = errorMessage(props.error);
  return (
    <ResponseErrorPanel
      error={props.error}
      title={props.title ? `${props.title}: ${message}` : message}
    />
  );
}
