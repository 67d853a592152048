import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CommunityCard } from './CommunityCard';
import { CommunityNode } from './communityTree';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: theme.spacing(2),
  },
  withChapters: { gridColumn: '1 / -1' },
  chapters: {
    marginTop: theme.spacing(1.5),
    marginLeft: theme.spacing(2),
    paddingLeft: theme.spacing(2),
    borderLeft: `2px solid ${theme.palette.divider}`,
  },
  chaptersLabel: { display: 'block', marginBottom: theme.spacing(1) },
}));

const HEADINGS = ['h2', 'h3', 'h4'] as const;

/**
 * Communities without chapters first, so that they fill the grid's rows;
 * those with chapters take a whole row each, after them.
 */
function gridOrder(nodes: CommunityNode[]): CommunityNode[] {
  return [
    ...nodes.filter(node => node.chapters.length === 0),
    ...nodes.filter(node => node.chapters.length > 0),
  ];
}

/** Communities as cards, each followed by its chapters, indented. */
export function CommunityTree(props: {
  nodes: CommunityNode[];
  label: string;
  depth?: number;
}) {
  const { nodes, label, depth = 0 } = props;
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={label}>
      {gridOrder(nodes).map(node => (
        <li
          key={node.view.ref}
          className={node.chapters.length ? classes.withChapters : undefined}
        >
          <CommunityCard
            view={node.view}
            headingLevel={HEADINGS[Math.min(depth, HEADINGS.length - 1)]}
            stretch={node.chapters.length === 0}
          />
          {node.chapters.length > 0 && (
            <div className={classes.chapters}>
              <Typography
                variant="overline"
                color="textSecondary"
                className={classes.chaptersLabel}
              >
                Chapters of {node.view.title}
              </Typography>
              <CommunityTree
                nodes={node.chapters}
                label={`Chapters of ${node.view.title}`}
                depth={depth + 1}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
