export { CommunityErrorPanel } from './CommunityErrorPanel';
export type { CommunityErrorPanelProps } from './CommunityErrorPanel';
