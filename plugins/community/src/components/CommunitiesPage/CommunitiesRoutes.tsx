import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { makeStyles } from '@material-ui/core/styles';
import {
  Link,
  Route,
  Routes,
  useMatch,
  useResolvedPath,
} from 'react-router-dom';
import { AdoptionDashboard } from '../AdoptionDashboard';
import { CommunitiesExplorer } from './CommunitiesExplorer';

const useStyles = makeStyles(theme => ({
  tabs: { marginBottom: theme.spacing(3) },
}));

/** Links between the two views of the page, as tabs. */
function CommunitiesTabs() {
  const classes = useStyles();
  const communities = useResolvedPath('.');
  const adoption = useResolvedPath('adoption');
  const onAdoption = useMatch({ path: adoption.pathname, end: false });
  return (
    <Tabs
      className={classes.tabs}
      value={onAdoption ? 'adoption' : 'communities'}
      indicatorColor="primary"
      aria-label="Communities views"
      component="nav"
    >
      <Tab
        value="communities"
        label="Communities"
        component={Link}
        to={communities.pathname}
      />
      <Tab
        value="adoption"
        label="Adoption"
        component={Link}
        to={adoption.pathname}
      />
    </Tabs>
  );
}

/**
 * The page's two views: the communities at its root and the adoption
 * dashboard at `adoption` (`/communities/adoption` by default).
 *
 * @public
 */
export function CommunitiesRoutes() {
  return (
    <>
      <CommunitiesTabs />
      <Routes>
        <Route path="/" element={<CommunitiesExplorer />} />
        <Route path="/adoption" element={<AdoptionDashboard />} />
      </Routes>
    </>
  );
}
