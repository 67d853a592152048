import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  HeatmapCell,
  HeatmapModel,
  RATE_BINS,
  cellKey,
  formatRate,
  rateBin,
} from './adoptionModel';
import { titleOf } from './titles';

const NO_DATA_BACKGROUND =
  'repeating-linear-gradient(45deg, transparent 0 6px, rgba(128,128,128,0.25) 6px 8px)';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  table: { borderCollapse: 'separate', borderSpacing: 4 },
  columnHeader: {
    ...theme.typography.body2,
    fontWeight: 600,
    padding: theme.spacing(0.5, 1),
    textAlign: 'center',
    maxWidth: 160,
  },
  rowHeader: {
    ...theme.typography.body2,
    fontWeight: 600,
    padding: theme.spacing(0.5, 1),
    textAlign: 'left',
    whiteSpace: 'nowrap',
  },
  cell: {
    width: 112,
    height: 56,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    font: 'inherit',
    padding: 0,
  },
  button: {
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `3px solid ${theme.palette.secondary.main}`,
      outlineOffset: 2,
    },
  },
  selected: {
    outline: `3px solid ${theme.palette.text.primary}`,
    outlineOffset: 2,
  },
  noData: {
    background: NO_DATA_BACKGROUND,
    color: theme.palette.text.secondary,
  },
  rate: { fontSize: '1rem', fontWeight: 700, lineHeight: 1.2 },
  counts: { fontSize: '0.75rem', lineHeight: 1.2 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    margin: theme.spacing(2, 0, 0),
    padding: 0,
    listStyle: 'none',
  },
  legendItem: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  swatch: {
    width: 20,
    height: 14,
    border: `1px solid ${theme.palette.divider}`,
    display: 'inline-block',
  },
}));

/** Props of {@link AdoptionHeatmap}. */
export type AdoptionHeatmapProps = {
  heatmap: HeatmapModel;
  titles: Map<string, string>;
  selected?: { patternRef: string; valueStream: string };
  onSelect: (cell: HeatmapCell) => void;
};

/** What a cell says to a screen reader, every number included. */
export function cellLabel(
  cell: HeatmapCell,
  patternTitle: string,
  streamTitle: string,
): string {
  return (
    `${patternTitle} in ${streamTitle}: ${formatRate(cell.rate)} adopted ` +
    `(${cell.adopted} adopted, ${cell.notAdopted} not adopted); ` +
    `${cell.exempt} exempt, ${cell.errors} errors`
  );
}

/**
 * Patterns (rows) × value streams (columns), each cell coloured by its
 * adoption rate and showing the numbers. Cells are buttons: click, Enter
 * or Space lists the services behind them.
 */
export function AdoptionHeatmap(props: AdoptionHeatmapProps) {
  const { heatmap, titles, selected, onSelect } = props;
  const classes = useStyles();
  return (
    <>
      <div className={classes.scroll}>
        <table className={classes.table}>
          <caption className={classes.srOnly}>
            Adoption rate by pattern and value stream
          </caption>
          <thead>
            <tr>
              <th className={classes.columnHeader} scope="col">
                Pattern
              </th>
              {heatmap.valueStreams.map(stream => (
                <th key={stream} className={classes.columnHeader} scope="col">
                  {titleOf(stream, titles, 'domain')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.patterns.map(pattern => {
              const patternTitle = titleOf(pattern, titles, 'pattern');
              return (
                <tr key={pattern}>
                  <th className={classes.rowHeader} scope="row">
                    {patternTitle}
                  </th>
                  {heatmap.valueStreams.map(stream => {
                    const cell = heatmap.cells.get(cellKey(pattern, stream));
                    const streamTitle = titleOf(stream, titles, 'domain');
                    return (
                      <td key={stream}>
                        {cell ? (
                          <CellButton
                            cell={cell}
                            label={cellLabel(cell, patternTitle, streamTitle)}
                            selected={
                              selected?.patternRef === pattern &&
                              selected?.valueStream === stream
                            }
                            onSelect={onSelect}
                          />
                        ) : (
                          <div
                            className={`${classes.cell} ${classes.noData}`}
                            aria-label={`${patternTitle} in ${streamTitle}: no data, no service of this value stream is checked against the pattern`}
                            role="img"
                          >
                            <span className={classes.counts}>No data</span>
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HeatmapLegend />
    </>
  );
}

function CellButton(props: {
  cell: HeatmapCell;
  label: string;
  selected: boolean;
  onSelect: (cell: HeatmapCell) => void;
}) {
  const { cell, label, selected, onSelect } = props;
  const classes = useStyles();
  const bin = cell.rate === null ? undefined : rateBin(cell.rate);
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={selected}
      title={label}
      className={`${classes.cell} ${classes.button} ${
        bin ? '' : classes.noData
      } ${selected ? classes.selected : ''}`}
      style={bin ? { background: bin.color, color: bin.text } : undefined}
      onClick={() => onSelect(cell)}
    >
      <span className={classes.rate}>{formatRate(cell.rate)}</span>
      <span className={classes.counts}>
        {cell.adopted}/{cell.adopted + cell.notAdopted}
      </span>
    </button>
  );
}

function HeatmapLegend() {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" component="p" id="adoption-legend">
        Share of the services judged that adopted the pattern; under the rate,
        adopted / (adopted + not adopted). Exempt services and errors are left
        out of the rate.
      </Typography>
      <ul className={classes.legend} aria-labelledby="adoption-legend">
        {RATE_BINS.map(bin => (
          <li key={bin.from} className={classes.legendItem}>
            <span
              className={classes.swatch}
              style={{ background: bin.color }}
            />
            <Typography variant="body2" component="span">
              {Math.round(bin.from * 100)}–{Math.round(bin.to * 100)}%
            </Typography>
          </li>
        ))}
        <li className={classes.legendItem}>
          <span
            className={classes.swatch}
            style={{ background: NO_DATA_BACKGROUND }}
          />
          <Typography variant="body2" component="span">
            No data or no rate (nothing judged)
          </Typography>
        </li>
      </ul>
    </>
  );
}
