import { createReadStream } from 'node:fs';
import {
  extractEvidenceFromStream,
  type EngineResult,
  type TriageContext,
  type TriageEngine,
} from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';
import type { InputItem } from './inputs';

/** Triage one input; large raw logs go through the streaming extractor. */
export async function triageItem(
  engine: TriageEngine,
  item: InputItem,
  ctx: TriageContext,
): Promise<EngineResult> {
  if (item.streamFrom) {
    const evidence = await extractEvidenceFromStream(
      createReadStream(item.streamFrom),
      item.event,
    );
    return engine.triageEvidence(item.event, evidence, ctx);
  }
  return engine.triage(item.event, ctx);
}
