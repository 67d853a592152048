import { InfoCard, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AdoptionSummaryCell,
  UNASSIGNED,
} from '@copkit/plugin-community-common';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { formatRate } from '../CommunityPage/communityEntities';

const useStyles = makeStyles({
  // the card is half the page wide: wrap between words, never inside one
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
  },
});

/**
 * Adoption of one pattern per value stream.
 */
export function PatternValueStreamsCard(props: {
  loading: boolean;
  error?: Error;
  cells?: AdoptionSummaryCell[];
}) {
  const { loading, error, cells } = props;
  const classes = useStyles();
  return (
    <InfoCard title="Adoption by value stream">
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load adoption by value stream"
          error={error}
        />
      )}
      {cells && cells.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No adoption results yet. They appear after the next adoption scan.
        </Typography>
      )}
      {cells && cells.length > 0 && (
        <Table
          size="small"
          aria-label="Adoption by value stream"
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              <TableCell>Value stream</TableCell>
              <TableCell align="right">Adopted</TableCell>
              <TableCell align="right">Not adopted</TableCell>
              <TableCell align="right">Exempt</TableCell>
              <TableCell align="right">Errors</TableCell>
              <TableCell align="right">Rate</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cells.map(cell => (
              <TableRow key={cell.valueStream}>
                <TableCell>
                  {cell.valueStream === UNASSIGNED ? (
                    'No value stream'
                  ) : (
                    <EntityRefLink entityRef={cell.valueStream} />
                  )}
                </TableCell>
                <TableCell align="right">{cell.adopted}</TableCell>
                <TableCell align="right">{cell.notAdopted}</TableCell>
                <TableCell align="right">{cell.exempt}</TableCell>
                <TableCell align="right">{cell.errors}</TableCell>
                <TableCell align="right">{formatRate(cell.rate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
