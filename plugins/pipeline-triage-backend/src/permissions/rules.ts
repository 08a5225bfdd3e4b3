import { z } from 'zod';
import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { incidentResourceRef } from './incidentResource';

const lower = (values: string[]) =>
  values.map(v => v.toLocaleLowerCase('en-US'));

const refs = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs to match, usually the user's ownership claims (user and groups)",
    ),
});

/** The incident's job entity is owned by one of the given refs. */
export const isJobOwnedBy = createPermissionRule({
  name: 'IS_JOB_OWNED_BY',
  description:
    "Allow incidents whose job entity is owned by one of the given refs (e.g. the user's groups)",
  resourceRef: incidentResourceRef,
  paramsSchema: refs,
  apply: (incident, { claims }) =>
    Boolean(incident.ownerRef) &&
    lower(claims).includes(incident.ownerRef!.toLocaleLowerCase('en-US')),
  toQuery: ({ claims }) => ({ column: 'owner_ref', values: lower(claims) }),
});

/** The incident is routed to one of the given refs. */
export const isRoutedTo = createPermissionRule({
  name: 'IS_ROUTED_TO',
  description:
    "Allow incidents routed to one of the given refs (e.g. the user's groups)",
  resourceRef: incidentResourceRef,
  paramsSchema: refs,
  apply: (incident, { claims }) =>
    Boolean(incident.routedTo) &&
    lower(claims).includes(incident.routedTo!.toLocaleLowerCase('en-US')),
  toQuery: ({ claims }) => ({ column: 'routed_to', values: lower(claims) }),
});

/** The incident is filed under one of the given entities (job, input, output, contract, owner). */
export const hasEntity = createPermissionRule({
  name: 'HAS_ENTITY',
  description:
    'Allow incidents filed under one of the given entity refs (job, input, output, contract or owner)',
  resourceRef: incidentResourceRef,
  paramsSchema: z.object({
    entityRefs: z
      .array(z.string())
      .describe('Entity refs, e.g. component:default/orders-daily-load'),
  }),
  apply: (incident, { entityRefs }) => {
    const wanted = new Set(lower(entityRefs));
    return incident.entityRefs.some(r =>
      wanted.has(r.toLocaleLowerCase('en-US')),
    );
  },
  toQuery: ({ entityRefs }) => ({ entityRefs: lower(entityRefs) }),
});

/** The incident happened in one of the given environments (e.g. let everyone read dev). */
export const hasEnvironment = createPermissionRule({
  name: 'HAS_ENVIRONMENT',
  description:
    'Allow incidents of the given environments (prod, staging, dev...)',
  resourceRef: incidentResourceRef,
  paramsSchema: z.object({
    environments: z.array(z.string()).describe('Environment names'),
  }),
  apply: (incident, { environments }) =>
    environments.includes(incident.environment),
  toQuery: ({ environments }) => ({
    column: 'environment',
    values: environments,
  }),
});

/** @public */
export const incidentPermissionRules = {
  isJobOwnedBy,
  isRoutedTo,
  hasEntity,
  hasEnvironment,
};

const conditionExports = createConditionExports({
  resourceRef: incidentResourceRef,
  rules: incidentPermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `createIncidentConditionalDecision(permission, { anyOf: [incidentConditions.isJobOwnedBy({ claims })] })`.
 *
 * @public
 */
export const incidentConditions = conditionExports.conditions;

/**
 * Builds a conditional decision for an incident permission from {@link incidentConditions}.
 *
 * @public
 */
export const createIncidentConditionalDecision =
  conditionExports.createConditionalDecision;
