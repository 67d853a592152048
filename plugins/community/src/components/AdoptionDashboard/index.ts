export { AdoptionDashboard } from './AdoptionDashboard';
