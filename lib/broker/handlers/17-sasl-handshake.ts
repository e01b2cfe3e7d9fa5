// SaslHandshake: v0-1
//
// Behavior:
// * Served before authentication. Offers PLAIN when the broker has SASL users (`--sasl-users`),
//   nothing otherwise; another mechanism gets UNSUPPORTED_SASL_MECHANISM with the list.
// * v1 (KIP-152): the tokens then travel in SaslAuthenticate requests. v0 clients would send raw
//   tokens next, outside Kafka framing; the broker does not read those, so such a client's
//   connection is closed on its next frame (kafkajs and librdkafka use v1 with SaslAuthenticate).
// * A second handshake on an authenticated connection is ILLEGAL_SASL_STATE.
import { ApiKey, type SaslHandshakeRequest, type SaslHandshakeResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { SASL_MECHANISM_ATTRIBUTE, saslMechanisms } from '../sasl';
import { defineHandler } from './types';

export default defineHandler<SaslHandshakeRequest, SaslHandshakeResponse>({
  key: ApiKey.SaslHandshake,
  min: 0,
  max: 1,
  beforeAuth: true,
  handle(req, ctx) {
    const mechanisms = saslMechanisms(ctx.runtime.settings);
    if (ctx.conn.principal !== null) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms };
    if (!mechanisms.includes(req.mechanism)) return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms };
    ctx.conn.attributes.set(SASL_MECHANISM_ATTRIBUTE, req.mechanism);
    return { errorCode: ErrorCode.NONE, mechanisms };
  },
});
