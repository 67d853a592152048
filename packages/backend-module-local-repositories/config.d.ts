export interface Config {
  /**
   * Demo only. Folders served to Backstage's UrlReader as if they were
   * hosted repositories: `https://<host>/<path>` is read from `<root>/<path>`.
   * Every plugin that reads URLs through the UrlReader (the catalog, the
   * scaffolder, TechDocs, copkit's adoption engine) can read these hosts.
   * Nothing outside `root` is ever read, symlinks included.
   */
  localRepositories?: Array<{
    /** Host name the URLs use, e.g. `repos.acme.example`. */
    host: string;
    /** Directory, absolute or relative to the backend's working directory. */
    root: string;
  }>;
}
