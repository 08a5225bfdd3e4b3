/*
 * The example Backstage backend: catalog, auth (guest), permissions, notifications (with the Slack
 * and email processors), signals, events and the app backend, plus the Pipeline Triage plugin.
 * One process serves the built app on :7007 for demos and browser tests.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Reads `$text: ./contracts/x.odcs.yaml` in catalog files from local file locations, and derives
// pipelines and tables from a dbt manifest (pipelineTriage.dbt.manifest).
backend.add(
  import('@pipeline-triage/plugin-catalog-backend-module-pipeline-triage'),
);
backend.add(import('@backstage/plugin-permission-backend'));
// Example policy: incidents are readable and changeable by the teams that own or receive them;
// everything else is allowed (docs/security.md).
backend.add(
  import(
    '@pipeline-triage/plugin-permission-backend-module-pipeline-triage-owner-only-policy'
  ),
);
backend.add(import('@backstage/plugin-notifications-backend'));
// Carry notifications to each recipient's own channels: Slack by the entity's
// `slack.com/bot-notify`, email by the users' profile email (notifications.processors).
backend.add(import('@backstage/plugin-notifications-backend-module-slack'));
backend.add(import('@backstage/plugin-notifications-backend-module-email'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@pipeline-triage/plugin-pipeline-triage-backend'));

backend.start();
