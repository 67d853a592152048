import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { formatRate } from './adoptionModel';
import { TrendChart, TrendSeries, lineStyle } from './TrendChart';
import { titleOf } from './titles';

const useStyles = makeStyles(theme => ({
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: theme.spacing(2) },
  swatch: {
    display: 'inline-block',
    width: 24,
    height: 0,
    borderTopWidth: 3,
    marginRight: theme.spacing(1),
    verticalAlign: 'middle',
  },
  table: {
    borderCollapse: 'collapse',
    marginTop: theme.spacing(2),
    '& th, & td': {
      ...theme.typography.body2,
      borderBottom: `1px solid ${theme.palette.divider}`,
      padding: theme.spacing(0.5, 1.5),
      textAlign: 'left',
    },
  },
}));

/** Props of {@link AdoptionTrends}. */
export type AdoptionTrendsProps = {
  /** Patterns that can be picked: the heatmap's rows. */
  patterns: string[];
  titles: Map<string, string>;
  community?: string;
  selected: string[];
  onChange: (selected: string[]) => void;
};

/** Trend lines of the picked patterns, with a table that says the same. */
export function AdoptionTrends(props: AdoptionTrendsProps) {
  const { patterns, titles, community, selected, onChange } = props;
  const classes = useStyles();
  const communityApi = useApi(communityApiRef);
  const key = selected.join(',');
  const { value, loading, error } = useAsync(async (): Promise<
    TrendSeries[]
  > => {
    const refs = key ? key.split(',') : [];
    return Promise.all(
      refs.map(async patternRef => ({
        patternRef,
        title: titleOf(patternRef, titles, 'pattern'),
        points: await communityApi.getAdoptionTrends({
          pattern: patternRef,
          community,
        }),
      })),
    );
  }, [communityApi, community, key, titles]);

  const toggle = (ref: string, on: boolean) =>
    onChange(on ? [...selected, ref] : selected.filter(item => item !== ref));

  return (
    <InfoCard title="Trends">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Typography component="legend" variant="body2">
          Patterns to draw (daily adoption rate, last 90 days)
        </Typography>
        <div className={classes.choices}>
          {patterns.map(ref => (
            <FormControlLabel
              key={ref}
              control={
                <Checkbox
                  checked={selected.includes(ref)}
                  onChange={event => toggle(ref, event.target.checked)}
                  color="primary"
                />
              }
              label={titleOf(ref, titles, 'pattern')}
            />
          ))}
        </div>
      </fieldset>
      {selected.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Pick one or more patterns above to see how their adoption changed.
        </Typography>
      )}
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel title="Could not load the trends" error={error} />
      )}
      {value && value.length > 0 && <TrendView series={value} />}
    </InfoCard>
  );
}

function TrendView(props: { series: TrendSeries[] }) {
  const { series } = props;
  const classes = useStyles();
  if (series.every(line => line.points.length === 0)) {
    return (
      <Typography variant="body2" color="textSecondary">
        No daily snapshots yet: a snapshot is taken when a scan finishes, so
        trends appear after the first scans.
      </Typography>
    );
  }
  const days = [
    ...new Set(series.flatMap(line => line.points.map(point => point.day))),
  ].sort();
  return (
    <>
      <TrendChart series={series} />
      <table className={classes.table}>
        <caption style={{ textAlign: 'left' }}>
          <Typography variant="body2" component="span">
            Adoption rate per day (adopted / (adopted + not adopted))
          </Typography>
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((line, index) => (
              <th scope="col" key={line.patternRef}>
                <span
                  aria-hidden="true"
                  className={classes.swatch}
                  style={{
                    borderTopColor: lineStyle(index).color,
                    borderTopStyle: lineStyle(index).dash ? 'dashed' : 'solid',
                  }}
                />
                {line.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map(day => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {series.map(line => {
                const point = line.points.find(item => item.day === day);
                return (
                  <td key={line.patternRef}>
                    {point
                      ? `${formatRate(point.rate)} (${point.adopted}/${
                          point.adopted + point.notAdopted
                        })`
                      : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
