export { loadDemoData, type DemoOptions } from './loadDemoData';
export { DemoDataJob } from './DemoDataJob';
