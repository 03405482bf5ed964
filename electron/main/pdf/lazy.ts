import type { renderLetter as RenderLetter } from './letter';
import type { renderReport as RenderReport } from './report';

// Letters and reports as main's services call them: pdf-lib, @signpdf and the CMS libraries load
// when the first one is drawn, not at start-up (electron-vite puts them in chunks of their own).
export const renderLetter: typeof RenderLetter = async (...args) => (await import('./letter')).renderLetter(...args);
export const renderReport: typeof RenderReport = async (...args) => (await import('./report')).renderReport(...args);
