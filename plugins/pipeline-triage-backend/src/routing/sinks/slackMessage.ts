import type { RouteDelivery } from '@pipeline-triage/plugin-pipeline-triage-node';

const KIND_PREFIX: Record<RouteDelivery['kind'], string> = {
  new: '',
  repeat: 'Repeat: ',
  reopened: 'Reopened: ',
};

/**
 * The Slack incoming-webhook payload: `text` is the fallback shown in push notifications,
 * `blocks` the message itself. Lengths respect Slack's block limits (header 150, field 2000,
 * section 3000), which otherwise reject the whole message with `invalid_blocks`.
 */
export function slackMessage(delivery: RouteDelivery, link?: string) {
  const title = `${KIND_PREFIX[delivery.kind] ?? ''}${delivery.title}`;
  const blocks: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: cut(title, 150), emoji: false },
    },
    {
      type: 'section',
      fields: [
        field('Category', delivery.category),
        field('Severity', delivery.severity),
        field('Environment', delivery.environment),
        field('Recipient', delivery.recipient ?? 'unrouted'),
      ],
    },
  ];
  if (delivery.summary) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: mrkdwn(delivery.summary, 3000) },
    });
  }
  // Slack rejects buttons with relative URLs, so without an absolute link there is no button.
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'open-incident',
          text: { type: 'plain_text', text: 'Open incident' },
          url: link,
        },
      ],
    });
  }
  return { text: mrkdwn(`[${delivery.severity}] ${title}`, 3000), blocks };
}

function field(label: string, value: string) {
  return { type: 'mrkdwn', text: `*${label}*\n${mrkdwn(value, 1900)}` };
}

/** Escapes the three characters Slack treats as markup, then cuts without splitting an entity. */
function mrkdwn(value: string, max: number): string {
  const escaped = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return escaped.length <= max
    ? escaped
    : cut(escaped, max).replace(/&[a-z]*…$/, '…');
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
