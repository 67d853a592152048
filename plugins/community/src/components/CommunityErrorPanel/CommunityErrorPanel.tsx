import { ResponseErrorPanel } from '@backstage/core-components';
import { serverMessage } from '../../lib/errors';

/**
 * Props of {@link CommunityErrorPanel}.
 *
 * @public
 */
export type CommunityErrorPanelProps = {
  /** What could not be done, e.g. "Could not load the communities". */
  title: string;
  error: Error;
};

/**
 * An error from the catalog or the community backend, with the server's
 * message in the title so that it is read without expanding the details.
 *
 * @public
 */
export function CommunityErrorPanel(props: CommunityErrorPanelProps) {
  const { title, error } = props;
  return (
    <ResponseErrorPanel
      error={error}
      title={`${title}: ${serverMessage(error)}`}
    />
  );
}
