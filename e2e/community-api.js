/*
 * Direct calls to the portal's community backend, as the guest user: the
 * journeys that show adoption wait for the first scan, which the portal
 * starts by itself shortly after it boots.
 */
const { backendUrl } = require('./browser');
const { guestToken } = require('./catalog-api');

async function communityFetch(route, init = {}) {
  const token = await guestToken();
  return fetch(`${backendUrl}/api/community${route}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  });
}

async function latestScan() {
  const res = await communityFetch('/scans/latest');
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET /scans/latest: HTTP ${res.status}`);
  return res.json();
}

/** Services judged (adopted, not adopted, exempt, error) over every cell. */
async function judgedServices() {
  const res = await communityFetch('/adoption/summary');
  if (!res.ok) throw new Error(`GET /adoption/summary: HTTP ${res.status}`);
  const { items } = await res.json();
  return items.reduce(
    (sum, cell) =>
      sum + cell.adopted + cell.notAdopted + cell.exempt + cell.errors,
    0,
  );
}

/** Waits until a scan has finished, and returns it. */
async function waitForFinishedScan(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await latestScan();
    if (scan && scan.status !== 'running') return scan;
    if (Date.now() > deadline) {
      throw new Error(
        `no adoption scan finished within ${timeoutMs} ms; last seen: ${JSON.stringify(
          scan,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
}

/**
 * Waits until the adoption figures cover the whole example catalog: the
 * (service, pattern) pairs that examples/repos/README.md lists as judged.
 * The portal's first scan starts 20 s after the backend; if the catalog had
 * not processed every entity by then, a scan is started here.
 */
async function waitForExampleAdoption(judged, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  await waitForFinishedScan(timeoutMs);
  for (let attempt = 1; ; attempt++) {
    const found = await judgedServices();
    if (found === judged) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the adoption summary covers ${found} judged pairs, not the ${judged} of the example catalog`,
      );
    }
    const res = await communityFetch('/scans', { method: 'POST' });
    if (!res.ok && res.status !== 409) {
      throw new Error(`POST /scans: HTTP ${res.status}`);
    }
    await new Promise(resolve => setTimeout(resolve, 2_000));
    await waitForFinishedScan(Math.max(deadline - Date.now(), 1_000));
  }
}

module.exports = { latestScan, waitForFinishedScan, waitForExampleAdoption };
