import os from 'node:os';

/**
 * The 1-minute load averages at the start and the end of a run, in words,
 * with a warning when other work was competing for the cores.
 */
export function loadNote(start: number, end: number = os.loadavg()[0]) {
  const cores = os.cpus().length;
  const text = `load average ${start.toFixed(1)} at the start, ${end.toFixed(
    1,
  )} at the end`;
  return Math.max(start, end) > cores
    ? `${text}; above the ${cores} cores, so other work was competing for the CPU and wall times are longer and less steady than on an idle machine`
    : text;
}
