import { CommunityView } from './communityViews';

/** A community with its chapters (the communities naming it as `spec.parent`). */
export type CommunityNode = {
  view: CommunityView;
  chapters: CommunityNode[];
};

const byTitle = (a: CommunityNode, b: CommunityNode) =>
  a.view.title.localeCompare(b.view.title);

/**
 * Nests chapters under their parents. A community whose parent is not in
 * the list (filtered out, or missing from the catalog) is a root, and so is
 * every member of a parent cycle, so that nothing is ever hidden.
 */
export function nestCommunities(views: CommunityView[]): CommunityNode[] {
  const nodes = new Map<string, CommunityNode>(
    views.map(view => [view.ref, { view, chapters: [] }]),
  );
  const parentOf = (node: CommunityNode) =>
    node.view.parentRef ? nodes.get(node.view.parentRef) : undefined;
  const inCycle = (node: CommunityNode): boolean => {
    const seen = new Set<CommunityNode>();
    for (let at = parentOf(node); at; at = parentOf(at)) {
      if (at === node) return true;
      if (seen.has(at)) return false;
      seen.add(at);
    }
    return false;
  };
  const roots: CommunityNode[] = [];
  for (const node of nodes.values()) {
    const parent = parentOf(node);
    if (parent && !inCycle(node)) parent.chapters.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) node.chapters.sort(byTitle);
  return roots.sort(byTitle);
}
