import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { IncidentAccess } from '../permissions';
import type { Config } from '@backstage/config';
import type { Knex } from 'knex';
import type { IncidentSignals } from '../notify';
import type { TriageStore } from '../store';
import type { Reclassifier } from '../triage';
import { AnthropicInvestigator } from './AnthropicInvestigator';
import { AttachmentService } from './AttachmentService';
import { createInvestigationRouter } from './createInvestigationRouter';
import { InvestigationService } from './InvestigationService';
import { InvestigationStore } from './InvestigationStore';
import { readLlmConfig } from './llmConfig';
import { ModelGate } from './ModelGate';

/** Builds the investigation feature from the plugin's services; plugin.ts only wires the result. */
export function createInvestigation(deps: {
  config: Config;
  knex: Knex;
  store: TriageStore;
  verdicts: Reclassifier;
  signals?: IncidentSignals;
  logger: LoggerService;
  access: IncidentAccess;
  auditor?: AuditorService;
}) {
  const settings = readLlmConfig(deps.config);
  const gate = new ModelGate(settings);
  const investigations = new InvestigationStore(deps.knex);
  const service = new InvestigationService({
    store: deps.store,
    investigations,
    verdicts: deps.verdicts,
    settings,
    investigator: settings.enabled
      ? new AnthropicInvestigator(settings, gate)
      : undefined,
    signals: deps.signals,
    logger: deps.logger,
  });
  const attachments = new AttachmentService({
    store: deps.store,
    investigations,
    verdicts: deps.verdicts,
  });
  deps.logger.info(
    settings.enabled
      ? `Model investigations: ${settings.model}, mode ${settings.mode}`
      : 'Model investigations are off (no pipelineTriage.llm.apiKey): investigations are rule-based',
  );
  return {
    service,
    usage: () => gate.usage(),
    router: createInvestigationRouter({
      access: deps.access,
      auditor: deps.auditor,
      investigations: service,
      attachments,
    }),
  };
}
