/**
 * A message in the pane (information, success, warning or error) with an optional title and actions. It
 * stands in for Fluent's MessageBar, whose ~2.5 KiB gzipped the pane's initial JavaScript cannot spare; the
 * colours are the same theme tokens, so it follows light and dark themes. The intent is also said in
 * words by the message itself: colour is never the only sign.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

const GLYPHS: Record<NoticeIntent, string> = { info: 'i', success: '✓', warning: '!', error: '×' };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}`,
  },
  glyph: {
    flexShrink: 0,
    width: '16px',
    height: '16px',
    marginTop: '2px',
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForegroundInverted,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightBold,
    lineHeight: '16px',
    textAlign: 'center',
  },
  infoGlyph: { backgroundColor: tokens.colorNeutralForeground3 },
  successGlyph: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  warningGlyph: { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 },
  errorGlyph: { backgroundColor: tokens.colorPaletteRedForeground1 },
  body: { flexGrow: 1, flexBasis: '12em', minWidth: 0, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginInlineStart: 'auto' },
});

export interface NoticeProps {
  intent: NoticeIntent;
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
}

export function Notice({ intent, title, children, actions }: NoticeProps) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, styles[intent])} data-intent={intent}>
      <span className={mergeClasses(styles.glyph, styles[`${intent}Glyph`])} aria-hidden="true">
        {GLYPHS[intent]}
      </span>
      <div className={styles.body}>
        {title && <span className={styles.title}>{title}</span>}
        {children}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
