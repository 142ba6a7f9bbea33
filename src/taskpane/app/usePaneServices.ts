import { useContext } from 'react';
import { PaneServicesContext } from './pane-services';
import type { PaneServices } from './pane-services';

export function usePaneServices(): PaneServices {
  const services = useContext(PaneServicesContext);
  if (services === null) throw new Error('usePaneServices needs a <PaneServicesContext.Provider> above it.');
  return services;
}
