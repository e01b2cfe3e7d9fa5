// Pages render on the server first and become interactive when React hydrates them; a click that
// lands before that is lost. Waiting for the network to go quiet after navigation covers hydration
// and the first data requests, so page objects hand back a page a person could use.
export const HYDRATED = { waitUntil: 'networkidle' } as const;
