/**
 * The pane's three views behind a tab list: Decline (always loaded), and Tracked declines and Settings,
 * each loaded on first use, since most sessions only decline. The tabs are plain Fluent buttons with the
 * WAI-ARIA tabs pattern (arrow keys, Home/End, roving focus): Fluent's TabList costs about 23 KiB gzipped
 * in the pane's initial JavaScript, a sixth of its budget.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  Component,
  Suspense,
  lazy,
  useCallback,
  useId,
  useRef,
  useState,
  type ComponentType,
  type ErrorInfo,
  type KeyboardEvent,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { LoadingIndicator } from '../app/LoadingIndicator';
import type { SentDeclinesProps } from '../sent-declines/SentDeclines';
import { useLiveOpenNotice } from '../sent-declines/useLiveOpenNotice';
import type { SettingsPanelProps } from '../settings/SettingsPanel';
import type { SettingsService } from '../settings/settings-service';
import { useSettings } from '../settings/useSettings';
import type { TrackerClient } from '../tracker-client/tracker-client';

type ViewModule<P> = Promise<{ default: ComponentType<P> }>;

/** Where the lazily loaded views come from: their own chunks (tests pass loaders that fail). */
export interface PaneViewLoaders {
  sentDeclines(): ViewModule<SentDeclinesProps>;
  settingsPanel(): ViewModule<SettingsPanelProps>;
}

const CHUNK_LOADERS: PaneViewLoaders = {
  sentDeclines: () => import(/* webpackChunkName: "sent-declines" */ '../sent-declines/SentDeclines'),
  settingsPanel: () => import(/* webpackChunkName: "settings" */ '../settings/SettingsPanel'),
};

export type PaneView = 'decline' | 'sent' | 'settings';

const VIEWS: readonly { view: PaneView; label: string }[] = [
  { view: 'decline', label: 'Decline' },
  { view: 'sent', label: 'Tracked declines' },
  { view: 'settings', label: 'Settings' },
];

export interface PaneNavigationProps {
  declinePanel: ReactNode;
  settings: SettingsService;
  client: TrackerClient;
  displayName: string | null;
  initialView?: PaneView;
  loaders?: PaneViewLoaders;
}

const useStyles = makeStyles({
  tabs: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    borderRadius: 0,
    fontWeight: tokens.fontWeightRegular,
    // Three labels on one line at a 320 px pane: no wrapping "Tracked / declines", no 96 px minimum per tab.
    minWidth: 0,
    whiteSpace: 'nowrap',
    paddingInline: tokens.spacingHorizontalS,
  },
  selected: {
    // An inset shadow, not a border: the button's own border styles would override a border colour.
    // calc(): a minus sign before var(…) is not valid CSS, and the whole declaration would be dropped.
    boxShadow: `inset 0 calc(-1 * ${tokens.strokeWidthThicker}) 0 ${tokens.colorCompoundBrandStroke}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  notice: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  noticeText: {
    // The text takes the line; at a narrow pane the buttons move under it instead of squeezing it.
    flexGrow: 1,
    flexBasis: '16em',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  noticeActions: {
    display: 'flex',
    marginInlineStart: 'auto',
  },
  loading: {
    padding: tokens.spacingVerticalXL,
  },
  failed: {
    margin: 0,
    padding: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorPaletteRedForeground1,
  },
});

export function PaneNavigation({
  declinePanel,
  settings,
  client,
  displayName,
  initialView,
  loaders = CHUNK_LOADERS,
}: PaneNavigationProps) {
  const styles = useStyles();
  const sentDeclines = useRetryableLazy(loaders.sentDeclines);
  const settingsPanel = useRetryableLazy(loaders.settingsPanel);
  const [view, setView] = useState<PaneView>(initialView ?? 'decline');
  // Settings stays mounted, hidden, once opened: an unsaved draft there survives a look at another tab.
  const [settingsMounted, setSettingsMounted] = useState(view === 'settings');
  const select = (next: PaneView) => {
    setView(next);
    if (next === 'settings') setSettingsMounted(true);
  };
  const idPrefix = useId();
  const tabRefs = useRef(new Map<PaneView, HTMLButtonElement>());
  // Tracked declines announces opens itself; elsewhere this short notice does.
  const live = useLiveOpenNotice(client, settings, { enabled: view !== 'sent' });
  const hasAccount = useSettings(settings).apiKey !== null;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((entry) => entry.view === view);
    const target =
      event.key === 'ArrowRight'
        ? VIEWS[(index + 1) % VIEWS.length]
        : event.key === 'ArrowLeft'
          ? VIEWS[(index - 1 + VIEWS.length) % VIEWS.length]
          : event.key === 'Home'
            ? VIEWS[0]
            : event.key === 'End'
              ? VIEWS[VIEWS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target.view);
    tabRefs.current.get(target.view)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Politely views" className={styles.tabs} onKeyDown={onKeyDown}>
        {VIEWS.map(({ view: tabView, label }) => {
          const selected = tabView === view;
          return (
            <Button
              key={tabView}
              ref={(element: HTMLButtonElement | null) => {
                if (element) tabRefs.current.set(tabView, element);
                else tabRefs.current.delete(tabView);
              }}
              role="tab"
              id={`${idPrefix}-tab-${tabView}`}
              aria-selected={selected}
              aria-controls={`${idPrefix}-panel-${tabView}`}
              tabIndex={selected ? 0 : -1}
              appearance="subtle"
              className={mergeClasses(styles.tab, selected && styles.selected)}
              onClick={() => select(tabView)}
            >
              {label}
            </Button>
          );
        })}
      </div>
      <div role="status" aria-live="polite">
        {live.notice && (
          <div className={styles.notice}>
            <span className={styles.noticeText}>{live.notice.text}</span>
            <span className={styles.noticeActions}>
              <Button size="small" appearance="transparent" onClick={() => select('sent')}>
                Show
              </Button>
              <Button size="small" appearance="transparent" onClick={live.dismiss}>
                Dismiss
              </Button>
            </span>
          </div>
        )}
      </div>
      {/* Always mounted, only hidden: the user's edits survive a look at another tab, and a pinned pane
          keeps following the selected email. */}
      <div
        role="tabpanel"
        id={`${idPrefix}-panel-decline`}
        aria-labelledby={`${idPrefix}-tab-decline`}
        hidden={view !== 'decline'}
      >
        {declinePanel}
      </div>
      {view === 'sent' && (
        <div role="tabpanel" id={`${idPrefix}-panel-sent`} aria-labelledby={`${idPrefix}-tab-sent`}>
          <LazyView view={sentDeclines} className={styles.loading} failedClassName={styles.failed}>
            <sentDeclines.View client={client} hasAccount={hasAccount} />
          </LazyView>
        </div>
      )}
      {settingsMounted && (
        <div
          role="tabpanel"
          id={`${idPrefix}-panel-settings`}
          aria-labelledby={`${idPrefix}-tab-settings`}
          hidden={view !== 'settings'}
        >
          <LazyView view={settingsPanel} className={styles.loading} failedClassName={styles.failed}>
            <settingsPanel.View service={settings} displayName={displayName} />
          </LazyView>
        </div>
      )}
    </>
  );
}

interface RetryableLazy<P> {
  View: LazyExoticComponent<ComponentType<P>>;
  attempt: number;
  retry(): void;
}

/** A lazy view that can be loaded again: React keeps a failed import's error, so each retry is a new lazy(). */
function useRetryableLazy<P extends object>(load: () => ViewModule<P>): RetryableLazy<P> {
  const [View, setView] = useState(() => lazy(load));
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setView(() => lazy(load));
    setAttempt((count) => count + 1);
  }, [load]);
  return { View, attempt, retry };
}

/** A lazily loaded view: a loading line while its chunk arrives, and, if it fails, a message with a retry. */
function LazyView(props: {
  view: Pick<RetryableLazy<unknown>, 'attempt' | 'retry'>;
  className: string;
  failedClassName: string;
  children: ReactNode;
}) {
  return (
    <LazyViewBoundary
      key={props.view.attempt}
      failed={
        <div className={props.failedClassName} role="alert">
          <p>This view couldn’t be loaded, perhaps because the connection dropped.</p>
          <Button onClick={props.view.retry}>Try again</Button>
        </div>
      }
    >
      <Suspense fallback={<LoadingIndicator className={props.className} label="Loading…" />}>
        {props.children}
      </Suspense>
    </LazyViewBoundary>
  );
}

/** Shows `failed` instead of a blank pane when a lazily loaded view cannot be fetched or throws. */
class LazyViewBoundary extends Component<{ failed: ReactNode; children: ReactNode }, { error: boolean }> {
  override state = { error: false };

  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Politely: a view failed to load.', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.failed : this.props.children;
  }
}
