import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CommunityRhythm } from '@copkit/plugin-community-common';
import { upcomingMeetings } from './meetingSchedule';
import {
  describeLaterMeeting,
  describeNextMeeting,
  describeRhythm,
  describeRotation,
} from './rhythm';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  next: { fontWeight: 500 },
}));

/** Enough meetings after the next to see the rotation come round. */
const laterCount = (zones: number) => Math.min(Math.max(zones - 1, 2), 5);

function UpcomingMeetings(props: {
  rhythm: CommunityRhythm;
  viewerZone: string;
  now: Date;
}) {
  const { rhythm, viewerZone, now } = props;
  const classes = useStyles();
  const zones = rhythm.timeZones?.length ?? 0;
  const [next, ...later] = upcomingMeetings(rhythm, now, 1 + laterCount(zones));
  if (!next) {
    // No anchor: say where to look rather than guess a date.
    return (
      <Typography variant="body2" color="textSecondary">
        No meeting date or time recorded yet: its owners can add
        spec.rhythm.firstMeeting and spec.rhythm.time. See the community's chat
        for the next meeting.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" className={classes.next}>
        {describeNextMeeting(next, viewerZone, now)}
      </Typography>
      <Typography variant="body2">After that:</Typography>
      <ol className={classes.list} aria-label="Later meetings">
        {later.map(meeting => (
          <li key={meeting.index}>
            <Typography variant="body2">
              {describeLaterMeeting(meeting, viewerZone, now)}
            </Typography>
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * How a community meets: its frequency, its next meetings in the viewer's
 * own time zone (when the rhythm is anchored to a first meeting), and the
 * time zones the meetings rotate through.
 */
export function MeetingRhythm(props: {
  rhythm: CommunityRhythm;
  viewerZone: string;
  now: Date;
}) {
  const { rhythm, viewerZone, now } = props;
  const classes = useStyles();
  const rotation = describeRotation(rhythm.timeZones ?? [], viewerZone, now);
  return (
    <>
      <Typography variant="body2">{describeRhythm(rhythm)}.</Typography>
      <UpcomingMeetings rhythm={rhythm} viewerZone={viewerZone} now={now} />
      {rotation.length > 0 && (
        <>
          <Typography variant="body2">
            Meetings rotate through these time zones, in this order (your time
            zone is {viewerZone}):
          </Typography>
          <ol className={classes.list} aria-label="Time zone rotation">
            {rotation.map((stop, i) => (
              <li key={`${i}-${stop.timeZone}`}>
                <Typography variant="body2">
                  {stop.timeZone}: now {stop.localTime}, {stop.relative}
                </Typography>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
