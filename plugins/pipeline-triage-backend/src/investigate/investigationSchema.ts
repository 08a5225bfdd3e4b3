import { z } from 'zod';
import { CATEGORIES } from '@pipeline-triage/plugin-pipeline-triage-common';

const evidenceIds = z
  .array(
    z
      .string()
      .regex(/^[A-Z]{1,2}\d+$/, 'cite evidence line ids like L12 or S1'),
  )
  .max(20);
const text = (max: number) => z.string().trim().min(1).max(max);

export const hypothesisSchema = z.object({
  title: text(300),
  category: z.enum(CATEGORIES),
  likelihood: z.number().min(0).max(1),
  evidenceFor: evidenceIds,
  evidenceAgainst: evidenceIds,
  status: z.enum(['confirmed', 'dismissed', 'open']),
  reason: text(1000),
});

export const rootCauseSchema = z.object({
  summary: text(2000),
  confidence: z.number().min(0).max(1),
});

export const remediationSchema = z.object({
  immediateFix: text(2000),
  change: text(4000),
  prevention: text(2000),
  monitoring: text(2000),
});

/** What the model must answer, validated before anything is stored. */
export const investigationSchema = z.object({
  hypotheses: z.array(hypothesisSchema).min(3).max(5),
  rootCause: rootCauseSchema,
  category: z.enum(CATEGORIES),
  safeToRetry: z.boolean(),
  remediation: remediationSchema,
});

/** @alpha */
export type ModelInvestigation = z.infer<typeof investigationSchema>;

export const INVESTIGATION_TOOL_NAME = 'record_investigation';

/** The tool's input_schema: the same shape as the zod schema, as JSON Schema for the API. */
export const investigationToolSchema = z.toJSONSchema(investigationSchema, {
  target: 'draft-7',
  io: 'input',
}) as {
  type: 'object';
  [key: string]: unknown;
};
