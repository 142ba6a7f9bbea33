/**
 * The composition root: waits for Office once, builds the adapters, and renders the pane.
 * The only file outside office/ that names the `Office` global.
 */
import { createRoot } from 'react-dom/client';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { analyzeInvitation } from '../core/invitation/analyze-invitation';
import { App } from './app/App';
import { createOfficeMailbox } from './office/office-mailbox';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element.');
  const mailbox = createOfficeMailbox(Office);
  const theme = mailbox.theme() === 'dark' ? webDarkTheme : webLightTheme;
  createRoot(container).render(<App services={{ mailbox, analyzeInvitation }} theme={theme} />);
});
