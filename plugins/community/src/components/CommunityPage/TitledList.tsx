import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Children, ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  heading: { '&:not(:first-child)': { marginTop: theme.spacing(2) } },
}));

/**
 * A titled section of a card: a list of list items, or a sentence saying
 * why there is nothing to list.
 */
export function TitledList(props: {
  id: string;
  title: string;
  /** Shown instead of the list when there are no items. */
  empty: string;
  /** The `<li>` elements, each with its key. */
  children?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <section aria-labelledby={props.id}>
      <Typography
        id={props.id}
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        {props.title}
      </Typography>
      {Children.count(props.children) === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <ul className={classes.list}>{props.children}</ul>
      )}
    </section>
  );
}
