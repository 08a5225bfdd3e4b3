import { CATEGORIES } from '@pipeline-triage/plugin-pipeline-triage-common';
import { z } from 'zod';

const categories = CATEGORIES.filter(c => c !== 'unknown') as [
  string,
  ...string[],
];

const patternSchema = z.union([
  z.string().min(1),
  z.object({
    source: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'flags may only contain i, m, s, u')
      .optional(),
  }),
]);

const signalPredicateSchema = z
  .object({
    signal: z.string().min(1),
    equals: z.union([z.number(), z.string(), z.boolean()]).optional(),
    in: z.array(z.union([z.number(), z.string()])).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    exists: z.boolean().optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]*$/i,
        'use letters, digits, dots, dashes, underscores',
      ),
    category: z.enum(categories, {
      message: `must be one of ${categories.join(', ')}`,
    }),
    description: z.string().optional(),
    patterns: z.array(patternSchema).max(20).optional(),
    where: z.enum(['root', 'chain', 'error', 'any', 'message']).optional(),
    signals: z.array(signalPredicateSchema).optional(),
    code: z
      .object({
        system: z.string().min(1),
        equals: z.string().optional(),
        in: z.array(z.string()).optional(),
        prefix: z.string().optional(),
        suffix: z.string().optional(),
        except: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    weight: z.number().min(0).max(1),
    unless: z.array(patternSchema).max(20).optional(),
    requires: z.array(patternSchema).max(20).optional(),
    explains: z.array(z.enum(categories)).optional(),
    prior: z.boolean().optional(),
  })
  .strict()
  .refine(
    r =>
      (r.patterns?.length ?? 0) > 0 || (r.signals?.length ?? 0) > 0 || r.code,
    {
      message: 'a rule needs patterns, signals or code',
      path: ['patterns'],
    },
  );

export const rulePackSchema = z
  .object({
    name: z.string().min(1),
    rules: z.array(z.unknown()),
  })
  .strict();
