import { useTheme } from '@material-ui/core/styles';
import { AdoptionTrendPoint } from '@copkit/plugin-community-common';
import { formatRate } from './adoptionModel';

/** Okabe–Ito colours, told apart with every kind of colour blindness. */
const LINE_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];
/** Dashes as a second cue, for greyscale and for overlapping colours. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/** One pattern's trend. */
export type TrendSeries = {
  patternRef: string;
  title: string;
  points: AdoptionTrendPoint[];
};

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** The style of the nth line, shared by the chart and its key. */
export function lineStyle(index: number) {
  return {
    color: LINE_COLORS[index % LINE_COLORS.length],
    dash: DASHES[index % DASHES.length],
  };
}

/**
 * Adoption rate over time, one line per pattern, in plain SVG. It is
 * hidden from screen readers: the table next to it says the same.
 */
export function TrendChart(props: { series: TrendSeries[] }) {
  const { series } = props;
  const theme = useTheme();
  const days = [
    ...new Set(series.flatMap(line => line.points.map(point => point.day))),
  ].sort();
  const x = (day: string) =>
    PAD.left +
    (days.length <= 1
      ? 0
      : (days.indexOf(day) / (days.length - 1)) *
        (WIDTH - PAD.left - PAD.right));
  const y = (rate: number) =>
    PAD.top + (1 - rate) * (HEIGHT - PAD.top - PAD.bottom);
  const text = theme.palette.text.secondary;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      aria-hidden="true"
      focusable="false"
    >
      {[0, 0.25, 0.5, 0.75, 1].map(tick => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={theme.palette.divider}
          />
          <text
            x={PAD.left - 6}
            y={y(tick) + 4}
            textAnchor="end"
            fontSize={11}
            fill={text}
          >
            {formatRate(tick)}
          </text>
        </g>
      ))}
      {days.length > 0 && (
        <>
          <text x={PAD.left} y={HEIGHT - 8} fontSize={11} fill={text}>
            {days[0]}
          </text>
          <text
            x={WIDTH - PAD.right}
            y={HEIGHT - 8}
            fontSize={11}
            fill={text}
            textAnchor="end"
          >
            {days[days.length - 1]}
          </text>
        </>
      )}
      {series.map((line, index) => {
        const { color, dash } = lineStyle(index);
        const points = line.points.filter(
          (point): point is AdoptionTrendPoint & { rate: number } =>
            point.rate !== null,
        );
        return (
          <g key={line.patternRef}>
            <polyline
              fill="none"
              stroke={color}
              strokeWidth={2.5}
              strokeDasharray={dash}
              points={points
                .map(point => `${x(point.day)},${y(point.rate)}`)
                .join(' ')}
            />
            {points.map(point => (
              <circle
                key={point.day}
                cx={x(point.day)}
                cy={y(point.rate)}
                r={3}
                fill={color}
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
