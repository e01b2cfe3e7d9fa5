// SASL on the broker: what the SaslHandshake/SaslAuthenticate handlers, the broker start-up (which
// makes connections start unauthenticated) and the broker configs import.
export { authenticatePlain, type PlainResult } from './plain';
export { parseSaslUsers, saslMechanisms, saslRequired, saslUsers, type SaslUsers } from './users';

/** Connection attribute holding the mechanism a SaslHandshake chose. */
export const SASL_MECHANISM_ATTRIBUTE = 'sasl.mechanism';
