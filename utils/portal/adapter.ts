import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageKind } from '../pageKind';

/**
 * One module per Angel page: how to work on that page once the content
 * script has recognised it. `start` runs when the tab enters the page kind (including
 * SPA route changes) and returns a function that undoes everything it added.
 */
export interface PageAdapter {
  kinds: readonly PageKind[];
  start(ctx: ContentScriptContext): () => void;
}
