import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { AdoptionTrendPoint } from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { formatRate } from '../CommunityPage/communityEntities';

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 28;

function summarize(points: AdoptionTrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  return `Adoption rate from ${formatRate(first.rate)} on ${
    first.day
  } to ${formatRate(last.rate)} on ${last.day}, over ${points.length} days.`;
}

function Chart(props: { points: AdoptionTrendPoint[] }) {
  const theme = useTheme();
  const { points } = props;
  const x = (i: number) =>
    PAD +
    (points.length > 1 ? (i * (WIDTH - 2 * PAD)) / (points.length - 1) : 0);
  const y = (rate: number) => HEIGHT - PAD - rate * (HEIGHT - 2 * PAD);
  const path = points
    .map((point, i) => ({ point, i }))
    .filter(({ point }) => point.rate !== null)
    .map(({ point, i }, n) => `${n ? 'L' : 'M'}${x(i)},${y(point.rate!)}`)
    .join(' ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={summarize(points)}
    >
      {[0, 0.5, 1].map(rate => (
        <g key={rate}>
          <line
            x1={PAD}
            x2={WIDTH - PAD}
            y1={y(rate)}
            y2={y(rate)}
            stroke={theme.palette.divider}
          />
          <text
            x={2}
            y={y(rate) + 4}
            fontSize="10"
            fill={theme.palette.text.secondary}
          >
            {rate * 100}%
          </text>
        </g>
      ))}
      <path
        d={path}
        fill="none"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
      />
      <text
        x={PAD}
        y={HEIGHT - 6}
        fontSize="10"
        fill={theme.palette.text.secondary}
      >
        {points[0].day}
      </text>
      <text
        x={WIDTH - PAD}
        y={HEIGHT - 6}
        fontSize="10"
        textAnchor="end"
        fill={theme.palette.text.secondary}
      >
        {points[points.length - 1].day}
      </text>
    </svg>
  );
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
          <Chart points={value} />
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
