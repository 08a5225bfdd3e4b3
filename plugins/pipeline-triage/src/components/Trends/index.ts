export { TrendsPanel, WEEK_OPTIONS } from './TrendsPanel';
export { TrendsChart } from './TrendsChart';
export { formatChange } from './trendsData';
