/*
 * Direct calls to the portal's catalog backend, as the guest user, for what a
 * test needs outside the browser: checking what the catalog holds and
 * removing what a test registered, so that a test can run again against the
 * same portal.
 */
const { backendUrl } = require('./browser');

async function guestToken() {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in on the backend: HTTP ${res.status}`);
  }
  return (await res.json()).backstageIdentity.token;
}

async function catalogFetch(route, init = {}) {
  const token = await guestToken();
  return fetch(`${backendUrl}/api/catalog${route}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  });
}

/** The entity, or undefined when the catalog does not have it. */
async function getEntity(kind, namespace, name) {
  const res = await catalogFetch(
    `/entities/by-name/${kind}/${namespace}/${name}`,
  );
  if (res.status === 404) return undefined;
  if (!res.ok)
    throw new Error(`get ${kind}:${namespace}/${name}: ${res.status}`);
  return res.json();
}

/**
 * Waits until the catalog has the entity, e.g. one of the example catalog's,
 * which the portal processes in the first minute or so after it starts.
 */
async function waitForEntity(kind, namespace, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entity = await getEntity(kind, namespace, name);
    if (entity) return entity;
    if (Date.now() > deadline) {
      throw new Error(
        `${kind}:${namespace}/${name} not in the catalog after ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
}

/** The registered locations whose target is `target`. */
async function findLocations(target) {
  const res = await catalogFetch('/locations');
  if (!res.ok) throw new Error(`list locations: HTTP ${res.status}`);
  return (await res.json())
    .map(item => item.data)
    .filter(location => location.target === target);
}

/** Unregisters `target`; the entities it provided leave the catalog too. */
async function unregisterLocation(target) {
  for (const location of await findLocations(target)) {
    const res = await catalogFetch(`/locations/${location.id}`, {
      method: 'DELETE',
    });
    if (!res.ok) {
      throw new Error(`unregister ${target}: HTTP ${res.status}`);
    }
  }
}

module.exports = {
  guestToken,
  getEntity,
  waitForEntity,
  findLocations,
  unregisterLocation,
};
