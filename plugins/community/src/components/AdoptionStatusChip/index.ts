export { AdoptionStatusChip, adoptionStatusLabel } from './AdoptionStatusChip';
