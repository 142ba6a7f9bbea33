/**
 * A labelled form control with an optional hint: the label names the control (`htmlFor`), the hint describes it
 * (`aria-describedby`). It stands in for Fluent's Field, whose validation icons cost the pane's initial
 * JavaScript more than it can spare; the control itself stays a Fluent Input, Select or Textarea.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ReactElement } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    // A grid item would otherwise grow to its longest option or the control's default width.
    '& > *': { minWidth: 0 },
  },
  label: {
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export interface FormControlProps {
  id: string;
  'aria-describedby'?: string;
}

export function FormField(props: {
  label: string;
  hint?: string;
  children: (control: FormControlProps) => ReactElement;
}) {
  const classes = useStyles();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={classes.root}>
      <label htmlFor={id} className={classes.label}>
        {props.label}
      </label>
      {props.children(props.hint ? { id, 'aria-describedby': hintId } : { id })}
      {props.hint && (
        <span id={hintId} className={classes.hint}>
          {props.hint}
        </span>
      )}
    </div>
  );
}
