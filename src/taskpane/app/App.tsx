/**
 * The pane's root: theme and services for every feature below it.
 *
 * Issue 5 plugs in here: a settings view and a "Sent declines" view become siblings of <DeclinePanel />,
 * switched by a Fluent TabList (load "Sent declines" with React.lazy so only users who open it pay for it).
 * Their services (settings storage over roamingSettings, tracker client) join `PaneServices`.
 */
import { FluentProvider } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { DeclinePanel } from '../decline-panel/DeclinePanel';
import { PaneNavigation } from '../navigation/PaneNavigation';
import { PaneServicesContext } from './pane-services';
import type { PaneServices } from './pane-services';

export interface AppProps {
  services: PaneServices;
  theme: Theme;
}

export function App({ services, theme }: AppProps) {
  return (
    <FluentProvider theme={theme}>
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
