import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { AdoptionTrendPoint } from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { TrendChart } from '../AdoptionDashboard/TrendChart';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { formatRate } from '../CommunityPage/communityEntities';

function summarize(points: AdoptionTrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `Adoption rate ${formatRate(first.rate)} on ${
      first.day
    }, the only day with a scan so far.`;
  }
  return `Adoption rate from ${formatRate(first.rate)} on ${
    first.day
  } to ${formatRate(last.rate)} on ${last.day}, over ${points.length} days.`;
}

/**
 * The adoption rate of one pattern over time, as a line chart with the
 * same numbers in a table.
 */
export function PatternTrendCard(props: { patternRef: string }) {
  const communityApi = useApi(communityApiRef);
  const { value, loading, error } = useAsync(
    () => communityApi.getAdoptionTrends({ pattern: props.patternRef }),
    [communityApi, props.patternRef],
  );
  return (
    <InfoCard title="Adoption over time">
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load the adoption trend"
          error={error}
        />
      )}
      {value && value.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No history yet: a point is added each day an adoption scan runs.
        </Typography>
      )}
      {value && value.length > 0 && (
        <>
          <TrendChart
            series={[
              { patternRef: props.patternRef, title: '', points: value },
            ]}
          />
          <Typography variant="body2">{summarize(value)}</Typography>
          <details>
            <summary>Show the numbers as a table</summary>
            <Table size="small" aria-label="Adoption over time">
              <TableHead>
                <TableRow>
                  <TableCell>Day</TableCell>
                  <TableCell align="right">Adopted</TableCell>
                  <TableCell align="right">Not adopted</TableCell>
                  <TableCell align="right">Rate</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {value.map(point => (
                  <TableRow key={point.day}>
                    <TableCell>{point.day}</TableCell>
                    <TableCell align="right">{point.adopted}</TableCell>
                    <TableCell align="right">{point.notAdopted}</TableCell>
                    <TableCell align="right">
                      {formatRate(point.rate)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </details>
        </>
      )}
    </InfoCard>
  );
}
