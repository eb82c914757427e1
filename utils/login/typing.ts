/**
 * Typing into a page's inputs so its own scripts (React, Angular, auto-advancing digit
 * boxes) see what a keyboard would produce. The page engine (utils/page/act.ts) does it;
 * this module keeps the login's names for it.
 */
export { clearInput, fieldValue, typeField, typeInto, typeIntoBoxes } from '../page/act';
