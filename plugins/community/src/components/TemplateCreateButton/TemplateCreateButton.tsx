import { parseEntityRef } from '@backstage/catalog-model';
import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { selectedTemplateRouteRef } from '../../routes';

/**
 * "Create": opens the scaffolder's form for a template. Nothing when the
 * app has no scaffolder bound to {@link selectedTemplateRouteRef}.
 */
export function TemplateCreateButton(props: {
  templateRef: string;
  /** The template's title, when the caller has the entity at hand. */
  title?: string;
}) {
  const { templateRef } = props;
  const createLink = useRouteRef(selectedTemplateRouteRef);
  const { primaryTitle } = useEntityPresentation(templateRef);
  if (!createLink) return null;
  const { namespace, name } = parseEntityRef(templateRef, {
    defaultKind: 'template',
  });
  return (
    <LinkButton
      to={createLink({ namespace, templateName: name })}
      size="small"
      variant="outlined"
      color="primary"
      aria-label={`Create from ${props.title ?? primaryTitle}`}
    >
      Create
    </LinkButton>
  );
}
