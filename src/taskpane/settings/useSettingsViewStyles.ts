import { makeStyles, tokens } from '@fluentui/react-components';

export const useSettingsViewStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
  },
  // Fluent's Select is as wide as its longest option unless told to fit the pane.
  select: {
    minWidth: 0,
    maxWidth: '100%',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
  success: {
    color: tokens.colorPaletteGreenForeground1,
  },
});
