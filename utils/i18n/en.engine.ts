/**
 * English in-page texts of the page engine's login help: why an attempt stopped, "Show me",
 * the diagnostic report. Spread into `enInPage` (en.portal-login.ts); Hindi twin in hi.engine.ts.
 */
export const enEngineInPage = {
  'eng.fieldClientCode': 'client code',
  'eng.and': ' and ',
  'eng.or': ' or ',
  'eng.missing': 'Found {found}, but no {missing} field on this page.',
  'eng.modeNotChosen': 'The page did not switch to its TOTP login; nothing was typed.',
  'eng.noneFound': 'No client code, MPIN or TOTP field was recognised on this page.',
  'eng.noPress': 'Found {found}, but no Login button on this page.',
  'eng.pressDisabled': 'The Login button stayed disabled after {found} were typed.',
  'eng.notKept': 'The page did not keep the {field} that was typed into it.',
  'eng.tabOpen': 'The login tab stays open: "Show me" marks what was found.',
  'eng.helpLabel': 'Login help',
  'eng.showMe': 'Show me',
  'eng.hide': 'Hide the marks',
  'eng.copyReport': 'Copy a diagnostic report',
  'eng.copied': 'Diagnostic report copied. It holds the page’s outline only: no values, no codes.',
  'eng.teach': 'Teach this page',
  'eng.copyFailed': 'The report could not be copied. Select the text below and copy it.',
} as const;

export type EngineInPageKey = keyof typeof enEngineInPage;

/**
 * The picking mode of "Teach this page" (entrypoints/page-teach.ts, loaded on demand): not in
 * the content script's catalogue. Spread into `enEngineUi`, so the full catalogue (and its
 * Hindi checks) holds it too.
 */
export const enEngineTeach = {
  'eng.teachClientCode': 'Click the client code field.',
  'eng.teachPin': 'Click the MPIN field.',
  'eng.teachTotp': 'Click the TOTP field.',
  'eng.teachPress': 'Click the Login button.',
  'eng.teachSkip': 'Skip this one',
  'eng.teachCancel': 'Cancel (Esc)',
  'eng.teachNotInput': 'That is not an input box. Click the box itself.',
  'eng.teachSaved': 'Saved for this page. Log in again from the extension: these fields are used first.',
  'eng.teachField': 'Click the {field} field.',
  'eng.teachSavedForm':
    'Saved for this page. Press "Fill with SmartAPI Companion" again: these fields are used first.',
} as const;

export type EngineTeachKey = keyof typeof enEngineTeach;

/** Options page: the pages taught with "Teach this page". Spread into `en` (en.ts). */
export const enEngineUi = {
  ...enEngineTeach,
  'engui.title': 'Taught pages',
  'engui.hint':
    'Pages where you showed the extension the fields ("Teach this page"). Only where the fields are is stored, never what is typed; it is kept in the encrypted vault.',
  'engui.none': 'No page taught yet.',
  'engui.clientCode': 'client code',
  'engui.press': 'Login button',
  'engui.createApp': 'create-app form',
  'engui.delete': 'Delete',
  'engui.deleteLabel': 'Delete what was taught for {page}',
} as const;

export type EngineUiKey = keyof typeof enEngineUi;
