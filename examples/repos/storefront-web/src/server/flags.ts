import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient('storefront-web');

export function showNewCheckoutButton(market: string): Promise<boolean> {
  return client.getBooleanValue('new-checkout-button', false, { market });
}
