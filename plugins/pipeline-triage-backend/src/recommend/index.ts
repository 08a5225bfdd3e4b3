export { recommend } from './recommend';
export type { RecommendInput } from './recommend';
export { PLAYBOOKS } from './playbooks';
export type { Playbook } from './playbooks';
export { COMMANDS } from './commands';
export type { CommandTemplate, CommandId } from './commands';
export { detectPlatforms, PLATFORMS } from './platforms';
export type { Platform } from './platforms';
