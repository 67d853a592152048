export { PatternAdoptionContent } from './PatternAdoptionContent';
export { PatternOverviewCard } from './PatternOverviewCard';
