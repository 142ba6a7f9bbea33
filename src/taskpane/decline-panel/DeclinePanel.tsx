import { DeclinePanelView } from './DeclinePanelView';
import { useDeclinePanel } from './useDeclinePanel';
import { useDeclinePanelStyles } from './useDeclinePanelStyles';

/** The decline feature: state hook + styles hook + render-only view. */
export function DeclinePanel() {
  const model = useDeclinePanel();
  const classes = useDeclinePanelStyles();
  return <DeclinePanelView {...model} classes={classes} />;
}
