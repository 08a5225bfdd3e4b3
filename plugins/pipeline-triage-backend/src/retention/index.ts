export {
  purgeExpired,
  type PurgeResult,
  type RetentionSettings,
} from './purgeExpired';
export { RetentionJob } from './RetentionJob';
