/*
 * Direct calls to the portal's community backend, as the guest user: the
 * journeys that show adoption wait for the first scan, which the portal
 * starts by itself shortly after it boots.
 */
const { backendUrl } = require('./browser');
const { guestToken } = require('./catalog-api');

async function latestScan() {
  const token = await guestToken();
  const res = await fetch(`${backendUrl}/api/community/scans/latest`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET /scans/latest: HTTP ${res.status}`);
  return res.json();
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

module.exports = { latestScan, waitForFinishedScan };
