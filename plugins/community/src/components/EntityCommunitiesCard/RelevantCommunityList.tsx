import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChatIcon from '@material-ui/icons/Chat';
import { RelevantCommunity } from '@copkit/plugin-community-common';

const useStyles = makeStyles(theme => ({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    paddingLeft: 0,
    paddingRight: 0,
  },
  text: { flex: 1, minWidth: 0 },
  reasons: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
    color: theme.palette.text.secondary,
  },
}));

/** Plain words as a sentence: the server writes reasons in lower case. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

/** The communities relevant to a service, each with its reasons and a way to join. */
export function RelevantCommunityList(props: {
  communities: RelevantCommunity[];
}) {
  const classes = useStyles();
  return (
    <List disablePadding>
      {props.communities.map(community => (
        <ListItem key={community.communityRef} className={classes.item} divider>
          <div className={classes.text}>
            <Typography variant="body1" component="h4">
              <EntityRefLink entityRef={community.communityRef} hideIcon>
                {community.title}
              </EntityRefLink>
            </Typography>
            <ul
              className={classes.reasons}
              aria-label={`Why ${community.title} is relevant`}
            >
              {community.reasons.map(reason => (
                <li key={`${reason.kind}:${reason.via ?? reason.text}`}>
                  <Typography variant="body2">
                    {sentence(reason.text)}
                  </Typography>
                </li>
              ))}
            </ul>
          </div>
          <JoinButton community={community} />
        </ListItem>
      ))}
    </List>
  );
}

function JoinButton(props: { community: RelevantCommunity }) {
  const { title, chatUrl } = props.community;
  if (chatUrl) {
    return (
      <Button
        variant="outlined"
        color="primary"
        size="small"
        startIcon={<ChatIcon />}
        href={chatUrl}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`Join ${title} (opens its chat)`}
      >
        Join
      </Button>
    );
  }
  const reason = `${title} has no chat link yet: its owners can add one to metadata.links with type: chat`;
  const reasonId = `join-reason-${props.community.communityRef.replace(
    /[^a-z0-9-]/gi,
    '-',
  )}`;
  return (
    <Tooltip title={reason}>
      {/* A disabled button gets no focus or hover, so its wrapper stands in for it. */}
      <span
        role="button"
        tabIndex={0}
        aria-disabled="true"
        aria-label={`Join ${title}`}
        aria-describedby={reasonId}
      >
        <Button
          variant="outlined"
          size="small"
          startIcon={<ChatIcon />}
          disabled
          aria-hidden
          tabIndex={-1}
        >
          Join
        </Button>
        <span id={reasonId} hidden>
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
