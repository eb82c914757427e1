/**
 * The portal assistant's field finding is the page engine's qualify step (utils/page/qualify.ts);
 * this module keeps the portal's import path.
 */
export * from '../page/qualify';
