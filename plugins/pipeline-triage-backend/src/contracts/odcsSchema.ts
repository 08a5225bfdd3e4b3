import { z } from 'zod';

/**
 * The runtime validator of ODCS v3.0.x and v3.1.x documents: one schema that accepts both
 * versions (the union of what either standard allows), strict on the types and enums of the
 * keys the triage reads, tolerant of everything else. Unknown keys at levels the standard closes
 * are reported as `unrecognized_keys` issues, which the parser turns into warnings, not errors.
 * Differences between the two versions (team shape, `rule` vs `metric`, `timestamp`) are
 * reported as warnings by `odcsVersionWarnings`.
 */

export const ODCS_API_VERSION = /^v3\.[01]\.\d+$/;

/** v3.0 allows the first seven; v3.1 adds `timestamp` and `time`. */
export const ODCS_LOGICAL_TYPES = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
] as const;
export const ODCS_30_LOGICAL_TYPES = [
  'string',
  'date',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
] as const;

export const ODCS_METRICS = [
  'nullValues',
  'missingValues',
  'invalidValues',
  'duplicateValues',
  'rowCount',
] as const;

export const QUALITY_DIMENSIONS = [
  'accuracy',
  'completeness',
  'conformity',
  'consistency',
  'coverage',
  'timeliness',
  'uniqueness',
] as const;

export const QUALITY_TYPES = ['text', 'library', 'sql', 'custom'] as const;

const tags = z.array(z.string());
const customProperties = z.array(
  z.looseObject({ property: z.string().optional() }),
);
const authoritativeDefinitions = z.array(
  z.looseObject({ url: z.string().optional(), type: z.string().optional() }),
);

/** The tags, custom properties and authoritative definitions most ODCS objects carry. */
const describedShape = {
  tags: tags.optional(),
  customProperties: customProperties.optional(),
  authoritativeDefinitions: authoritativeDefinitions.optional(),
};

const numberPair = z.array(z.number()).length(2);

export const odcsQualitySchema = z
  .strictObject({
    id: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    type: z.enum(QUALITY_TYPES).optional(),
    metric: z.enum(ODCS_METRICS).optional(),
    rule: z.string().optional(),
    arguments: z.record(z.string(), z.unknown()).optional(),
    validValues: z.array(z.unknown()).optional(),
    mustBe: z.unknown().optional(),
    mustNotBe: z.unknown().optional(),
    mustBeGreaterThan: z.number().optional(),
    mustBeGreaterOrEqualTo: z.number().optional(),
    mustBeLessThan: z.number().optional(),
    mustBeLessOrEqualTo: z.number().optional(),
    mustBeBetween: numberPair.optional(),
    mustNotBeBetween: numberPair.optional(),
    query: z.string().optional(),
    engine: z.string().optional(),
    implementation: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional(),
    dimension: z.enum(QUALITY_DIMENSIONS).optional(),
    method: z.string().optional(),
    severity: z.string().optional(),
    businessImpact: z.string().optional(),
    unit: z.string().optional(),
    schedule: z.string().optional(),
    scheduler: z.string().optional(),
    tags: tags.optional(),
    customProperties: customProperties.optional(),
    authoritativeDefinitions: authoritativeDefinitions.optional(),
  })
  .superRefine((q, ctx) => {
    if (
      q.type === 'library' &&
      q.metric === undefined &&
      q.rule === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: `required for a library check (v3.1 \`metric\`: one of ${ODCS_METRICS.join(
          ', ',
        )}; v3.0 \`rule\`)`,
      });
    }
    if (q.type === 'sql' && q.query === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'required for a sql check',
      });
    }
    if (q.type === 'custom') {
      for (const key of ['engine', 'implementation'] as const) {
        if (q[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'required for a custom check',
          });
        }
      }
    }
  });

const basePropertyShape = {
  id: z.string().optional(),
  name: z.string().optional(),
  businessName: z.string().optional(),
  description: z.string().optional(),
  physicalName: z.string().optional(),
  physicalType: z.string().optional(),
  logicalType: z.enum(ODCS_LOGICAL_TYPES).optional(),
  logicalTypeOptions: z.record(z.string(), z.unknown()).optional(),
  primaryKey: z.boolean().optional(),
  primaryKeyPosition: z.number().int().optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  partitioned: z.boolean().optional(),
  partitionKeyPosition: z.number().int().optional(),
  classification: z.string().optional(),
  encryptedName: z.string().optional(),
  transformSourceObjects: z.array(z.string()).optional(),
  transformLogic: z.string().optional(),
  transformDescription: z.string().optional(),
  examples: z.array(z.unknown()).optional(),
  criticalDataElement: z.boolean().optional(),
  relationships: z.array(z.looseObject({})).optional(),
  quality: z.array(odcsQualitySchema).optional(),
  ...describedShape,
};

export interface OdcsProperty {
  name?: string;
  physicalName?: string;
  physicalType?: string;
  logicalType?: (typeof ODCS_LOGICAL_TYPES)[number];
  description?: string;
  primaryKey?: boolean;
  required?: boolean;
  unique?: boolean;
  partitioned?: boolean;
  quality?: OdcsQuality[];
  properties?: OdcsProperty[];
  items?: OdcsProperty;
}

/** A property of a schema object (or of a nested object): `name` is required. */
export const odcsPropertySchema: z.ZodType<OdcsProperty> = z.lazy(() =>
  z.strictObject({
    ...basePropertyShape,
    name: z.string(),
    properties: z.array(odcsPropertySchema).optional(),
    // Mutually recursive with the item schema below; both are lazy.
    // eslint-disable-next-line @typescript-eslint/no-use-before-define
    items: odcsItemSchema.optional(),
  }),
);

/** The `items` of an array property: like a property, but its name is optional. */
const odcsItemSchema: z.ZodType<OdcsProperty> = z.lazy(() =>
  z.strictObject({
    ...basePropertyShape,
    properties: z.array(odcsPropertySchema).optional(),
    items: odcsItemSchema.optional(),
  }),
);

export const odcsSchemaObjectSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string(),
  businessName: z.string().optional(),
  description: z.string().optional(),
  physicalName: z.string().optional(),
  physicalType: z.string().optional(),
  logicalType: z.literal('object', { error: 'expected object' }).optional(),
  dataGranularityDescription: z.string().optional(),
  properties: z.array(odcsPropertySchema).optional(),
  relationships: z.array(z.looseObject({})).optional(),
  quality: z.array(odcsQualitySchema).optional(),
  ...describedShape,
});

export const odcsTeamMemberSchema = z.strictObject({
  id: z.string().optional(),
  username: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  role: z.string().optional(),
  dateIn: z.string().optional(),
  dateOut: z.string().optional(),
  replacedByUsername: z.string().optional(),
  ...describedShape,
});

export const odcsTeamObjectSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  members: z.array(odcsTeamMemberSchema).optional(),
  ...describedShape,
});

export const odcsSupportItemSchema = z.strictObject({
  id: z.string().optional(),
  channel: z.string(),
  url: z.string().optional(),
  description: z.string().optional(),
  tool: z.string().optional(),
  scope: z.string().optional(),
  invitationUrl: z.string().optional(),
  customProperties: customProperties.optional(),
});

export const odcsSlaPropertySchema = z.strictObject({
  id: z.string().optional(),
  property: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  valueExt: z.unknown().optional(),
  unit: z.string().optional(),
  element: z.string().optional(),
  driver: z.string().optional(),
  description: z.string().optional(),
  scheduler: z.string().optional(),
  schedule: z.string().optional(),
});

export const odcsDocumentSchema = z.strictObject({
  apiVersion: z.string().regex(ODCS_API_VERSION, {
    error: 'expected v3.0.x or v3.1.x (ODCS v2 is not supported)',
  }),
  kind: z.literal('DataContract', { error: 'expected DataContract' }),
  id: z.string(),
  version: z.union([z.string(), z.number()]),
  status: z.string(),
  name: z.string().optional(),
  tenant: z.string().optional(),
  domain: z.string().optional(),
  dataProduct: z.string().optional(),
  tags: tags.optional(),
  description: z.looseObject({}).optional(),
  servers: z.array(z.looseObject({})).optional(),
  schema: z.array(odcsSchemaObjectSchema).optional(),
  support: z.array(odcsSupportItemSchema).optional(),
  price: z.looseObject({}).optional(),
  team: z
    .union([z.array(odcsTeamMemberSchema), odcsTeamObjectSchema])
    .optional(),
  roles: z.array(z.looseObject({})).optional(),
  slaDefaultElement: z.string().optional(),
  slaProperties: z.array(odcsSlaPropertySchema).optional(),
  authoritativeDefinitions: authoritativeDefinitions.optional(),
  customProperties: customProperties.optional(),
  contractCreatedTs: z.string().optional(),
});

export type OdcsDocument = z.infer<typeof odcsDocumentSchema>;
export type OdcsQuality = z.infer<typeof odcsQualitySchema>;
export type OdcsSchemaObject = z.infer<typeof odcsSchemaObjectSchema>;
export type OdcsTeamMember = z.infer<typeof odcsTeamMemberSchema>;
