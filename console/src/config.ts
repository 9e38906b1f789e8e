export const PRODUCT_NAME = 'Small Business Back Office';

/** Same-origin: the Vite dev server proxies it to the API, and the API serves the built console. */
export const API_BASE = '/api';
