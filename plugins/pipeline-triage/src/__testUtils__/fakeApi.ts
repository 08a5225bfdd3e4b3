import type { PipelineTriageApi } from '../api';
import {
  makeContractState,
  makeDetail,
  makeDrift,
  makeSummary,
  makeTrends,
  makeViolation,
} from './fixtures';

export type FakePipelineTriageApi = {
  [K in keyof PipelineTriageApi]: jest.MockedFunction<PipelineTriageApi[K]>;
};

/** Every method is a jest mock over a sensible default, so a test overrides only what it checks. */
export function createFakeApi(
  overrides: Partial<PipelineTriageApi> = {},
): FakePipelineTriageApi {
  const impl: PipelineTriageApi = {
    listIncidents: async () => ({ items: [makeSummary()] }),
    getIncident: async id => makeDetail({ id }),
    getReport: async () => '# Incident report',
    updateIncident: async id => makeDetail({ id }),
    getTrends: async () => makeTrends(),
    getStatus: async entityRef => ({
      entityRef,
      openIncidents: 1,
      failingSince: '2026-01-08T10:00:00Z',
      lastFailure: '2026-01-10T09:00:00Z',
      lastSuccess: '2026-01-07T09:00:00Z',
      consecutiveFailures: 2,
    }),
    getStats: async () => ({
      incidents: 3,
      overrideRate: 0,
      mttaSeconds: null,
      mttrSeconds: null,
      safeRetry: { provedRight: 0, provedWrong: 0, precision: null },
      topRepeatFailures: [],
      queue: { pending: 2, lagSeconds: 90 },
      deadLetters: 1,
    }),
    listContractViolations: async () => ({ items: [makeViolation()] }),
    listSchemaDrift: async () => ({ items: [makeDrift()] }),
    getContract: async entityRef => makeContractState({ entityRef }),
    listUnlinked: async () => ({ items: [] }),
    investigate: async incidentId => ({ id: 'inv-1', incidentId }),
    listInvestigations: async () => [],
    acceptSuggestion: async id => makeDetail({ id }),
    attachEvidence: async (incidentId, input) => ({
      attachment: {
        id: 'A1',
        incidentId,
        kind: input.kind,
        name: 'name' in input && input.name ? input.name : 'pasted.txt',
        size: 10,
        at: '2026-01-10T09:00:00Z',
      },
      reclassified: {
        category: 'resource_exhaustion',
        confidence: 0.9,
        changed: true,
        previous: 'unknown',
      },
    }),
    ...overrides,
  };
  return {
    listIncidents: jest.fn(impl.listIncidents),
    getIncident: jest.fn(impl.getIncident),
    getReport: jest.fn(impl.getReport),
    updateIncident: jest.fn(impl.updateIncident),
    getTrends: jest.fn(impl.getTrends),
    getStatus: jest.fn(impl.getStatus),
    getStats: jest.fn(impl.getStats),
    listContractViolations: jest.fn(impl.listContractViolations),
    listSchemaDrift: jest.fn(impl.listSchemaDrift),
    getContract: jest.fn(impl.getContract),
    listUnlinked: jest.fn(impl.listUnlinked),
    investigate: jest.fn(impl.investigate),
    listInvestigations: jest.fn(impl.listInvestigations),
    acceptSuggestion: jest.fn(impl.acceptSuggestion),
    attachEvidence: jest.fn(impl.attachEvidence),
  };
}
