import type { AnyApiFactory } from '@backstage/core-plugin-api';

/** The app's own API overrides; the plugins bring their own factories. */
export const apis: AnyApiFactory[] = [];
