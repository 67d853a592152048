export { TemplateCreateButton } from './TemplateCreateButton';
