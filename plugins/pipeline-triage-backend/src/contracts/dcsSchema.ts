import { z } from 'zod';

/**
 * The runtime validator of the older Data Contract Specification (dataContractSpecification
 * 0.9.x / 1.x: info.owner, models with fields, servicelevels). Strict on what triage reads,
 * open to everything else, as that specification is.
 */

/** Field types of the Data Contract Specification; others are read but give a warning. */
export const DCS_FIELD_TYPES = [
  'number',
  'decimal',
  'numeric',
  'int',
  'integer',
  'long',
  'bigint',
  'float',
  'double',
  'string',
  'text',
  'varchar',
  'boolean',
  'timestamp',
  'timestamp_tz',
  'timestamp_ntz',
  'date',
  'time',
  'array',
  'map',
  'object',
  'record',
  'struct',
  'bytes',
  'variant',
  'null',
] as const;

export interface DcsField {
  type?: string;
  required?: boolean;
  unique?: boolean;
  primary?: boolean;
  primaryKey?: boolean;
  description?: string;
  $ref?: string;
  fields?: Record<string, DcsField>;
  items?: DcsField;
  quality?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export const dcsFieldSchema: z.ZodType<DcsField> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    primary: z.boolean().optional(),
    primaryKey: z.boolean().optional(),
    description: z.string().optional(),
    $ref: z.string().optional(),
    fields: z.record(z.string(), dcsFieldSchema).optional(),
    items: dcsFieldSchema.optional(),
    quality: z.array(z.looseObject({})).optional(),
  }),
);

/** `quality: { type: SodaCL, specification: … }` (0.9.x) or a list of checks (1.x). */
const dcsQualityBlock = z.union([
  z.looseObject({
    type: z.string(),
    specification: z.unknown().optional(),
  }),
  z.array(z.looseObject({})),
]);

export const dcsModelSchema = z.looseObject({
  description: z.string().optional(),
  type: z.string().optional(),
  fields: z.record(z.string(), dcsFieldSchema).optional(),
  quality: dcsQualityBlock.optional(),
  primaryKey: z.array(z.string()).optional(),
});

const thresholdBlock = z.looseObject({
  threshold: z.union([z.string(), z.number()]).optional(),
});

export const dcsDocumentSchema = z.looseObject({
  dataContractSpecification: z.union([z.string(), z.number()]),
  id: z.string(),
  info: z.looseObject({
    title: z.string(),
    version: z.union([z.string(), z.number()]),
    status: z.string().optional(),
    description: z.string().optional(),
    owner: z.string().optional(),
    contact: z
      .looseObject({
        name: z.string().optional(),
        url: z.string().optional(),
        email: z.string().optional(),
      })
      .optional(),
  }),
  servers: z.record(z.string(), z.looseObject({})).optional(),
  models: z.record(z.string(), dcsModelSchema).optional(),
  definitions: z.record(z.string(), z.looseObject({})).optional(),
  servicelevels: z
    .looseObject({
      latency: thresholdBlock.optional(),
      freshness: thresholdBlock.optional(),
      frequency: z
        .looseObject({
          interval: z.string().optional(),
          cron: z.string().optional(),
        })
        .optional(),
      retention: z
        .looseObject({ period: z.union([z.string(), z.number()]).optional() })
        .optional(),
    })
    .optional(),
  quality: dcsQualityBlock.optional(),
  tags: z.array(z.string()).optional(),
});

export type DcsDocument = z.infer<typeof dcsDocumentSchema>;
export type DcsModel = z.infer<typeof dcsModelSchema>;
