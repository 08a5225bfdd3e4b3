export { sendWeeklyDigests } from './sendWeeklyDigests';
export { WeeklyDigestJob } from './WeeklyDigestJob';
