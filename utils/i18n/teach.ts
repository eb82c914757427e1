/**
 * t() for "Teach this page" (utils/page/teach.ts, loaded on demand into Angel's pages): the
 * in-page texts and the teaching texts, in the page's current language (core.ts).
 */
import { withTexts } from './core';
import { enEngineTeach } from './en.engine';
import { hiEngineTeach } from './hi.engine';
import { enInPage } from './en.portal-login';
import { hiInPage } from './hi.portal-login';

export const t = withTexts({ en: { ...enInPage, ...enEngineTeach }, hi: { ...hiInPage, ...hiEngineTeach } });
