export {
  EventProcessor,
  type ProcessingOptions,
  type ProcessOutcome,
  type CountedSuccess,
} from './EventProcessor';
export { EventSweepJob } from './EventSweepJob';
