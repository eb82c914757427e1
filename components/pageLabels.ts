import type { PageKind } from '@/utils/pageKind';

export const PAGE_LABELS: Record<PageKind, string> = {
  'create-app-old': 'Smart API create-app form (old)',
  'create-app-new': 'Smart API create-app form (new)',
  'my-apis': 'Smart API — My APIs',
  'enable-totp': 'Smart API — enable TOTP',
  'publisher-login': 'Angel publisher login',
  other: 'Smart API portal',
};
