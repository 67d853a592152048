import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { selectedTemplateRouteRef } from '../../routes';

/**
 * "Create": opens the scaffolder's form for a template. Nothing when the
 * app has no scaffolder bound to {@link selectedTemplateRouteRef}. Given the
 * entity, its title is used as is; given a ref, the title is looked up.
 */
export function TemplateCreateButton(props: { template: Entity | string }) {
  const { template } = props;
  const createLink = useRouteRef(selectedTemplateRouteRef);
  const { primaryTitle } = useEntityPresentation(template);
  if (!createLink) return null;
  const { namespace, name } =
    typeof template === 'string'
      ? parseEntityRef(template, { defaultKind: 'template' })
      : template.metadata;
  return (
    <LinkButton
      to={createLink({ namespace: namespace ?? 'default', templateName: name })}
      size="small"
      variant="outlined"
      color="primary"
      aria-label={`Create from ${primaryTitle}`}
    >
      Create
    </LinkButton>
  );
}
