export { CommunitiesPage } from './CommunitiesPage';
export { CommunitiesExplorer } from './CommunitiesExplorer';
export { CommunitiesRoutes } from './CommunitiesRoutes';
