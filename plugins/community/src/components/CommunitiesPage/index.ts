export { CommunitiesPage } from './CommunitiesPage';
export { CommunitiesRoutes } from './CommunitiesRoutes';
