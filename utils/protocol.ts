/** Messages of the foundation: which Angel page a tab shows. */
import type { Message } from './messaging';
import type { PageKind } from './pageKind';

export interface TabPage {
  tabId: number;
  kind: PageKind;
  url: string;
  seenAt: number;
}

declare module './messaging' {
  interface MessageMap {
    'portal/page-seen': Message<{ kind: PageKind }, void, 'portal'>;
    'tabs/active-page': Message<void, TabPage | null, 'page'>;
  }
}
