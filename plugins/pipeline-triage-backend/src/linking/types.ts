import type {
  DatasetRef,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ContractError, ParsedContract } from '../contracts';

/** What the catalog says about one entity, reduced to what triage needs. */
export interface EntityFacts {
  entityRef: string;
  title?: string;
  ownerRef?: string;
}

export interface JobLink extends EntityFacts {
  idempotent: boolean;
  runbookUrl?: string;
  /** How the job was matched: the annotation and the value that matched. */
  matchedBy: string;
}

export interface DatasetLink {
  /** `namespace/name` of the dataset as the event named it, or the table's ref when it did not. */
  dataset: string;
  table?: EntityFacts;
  contract?: EntityFacts;
  /** The contract's definition, parsed once per catalog snapshot; or why it is invalid. */
  contractDocument?: ParsedContract;
  contractError?: ContractError;
  /** Owner-role members of the contract mapped to catalog users, and its issues channel. */
  contractOwners?: { users: string[]; issues?: string; byRole: boolean };
  /** The dataset as the event sent it (schema, quality results), when the event named it. */
  datasetRef?: DatasetRef;
  /** Pipelines that write this table, with their owners. */
  producers: EntityFacts[];
}

export interface DownstreamLink extends EntityFacts {
  depth: number;
  via: string;
}

export interface LinkResult {
  linked: boolean;
  job?: JobLink;
  inputs: DatasetLink[];
  outputs: DatasetLink[];
  downstream: DownstreamLink[];
  /** Services and databases the failure names (by the hosts annotation). */
  dependencies?: EntityFacts[];
  /** Names the catalog does not know, for `GET /v1/unlinked`. */
  unknownJob?: string;
  unknownDatasets: string[];
}

export interface Linker {
  link(event: FailureEvent): Promise<LinkResult>;
  /** Resolves when linking can answer; throws CatalogUnavailableError while the catalog is down. */
  ready?(): Promise<void>;
}
