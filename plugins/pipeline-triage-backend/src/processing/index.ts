export {
  EventProcessor,
  type ProcessingOptions,
  type ProcessOutcome,
} from './EventProcessor';
export { EventSweepJob } from './EventSweepJob';
