/**
 * The pane's root: theme and services for every feature below it.
 *
 * With tracking services (issue 5) the Decline, Tracked declines and Settings views sit under a tab list
 * (PaneNavigation, which loads the last two lazily); without them the pane is the decline panel alone.
 */
import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { DeclinePanel } from '../decline-panel/DeclinePanel';
import { PaneNavigation } from '../navigation/PaneNavigation';
import { PaneServicesContext } from './pane-services';
import type { PaneServices } from './pane-services';
import { useOfficeTheme } from './useOfficeTheme';

export interface AppProps {
  services: PaneServices;
  /** A fixed theme (tests); without it the pane follows the Office theme, live where Outlook reports changes. */
  theme?: Theme;
}

// The provider paints the theme's background; at full height, a short view (Settings, an empty list) does
// not leave the page's white showing below it in the dark theme.
const useStyles = makeStyles({ root: { minHeight: '100vh' } });

export function App({ services, theme }: AppProps) {
  const officeTheme = useOfficeTheme(services.mailbox);
  const styles = useStyles();
  return (
    <FluentProvider
      className={styles.root}
      theme={theme ?? (officeTheme === 'dark' ? webDarkTheme : webLightTheme)}
    >
      <PaneServicesContext.Provider value={services}>
        {services.trackedDeclines ? (
          <PaneNavigation
            declinePanel={<DeclinePanel />}
            settings={services.trackedDeclines.settings}
            client={services.trackedDeclines.client}
            displayName={services.mailbox.userDisplayName()}
          />
        ) : (
          <DeclinePanel />
        )}
      </PaneServicesContext.Provider>
    </FluentProvider>
  );
}
