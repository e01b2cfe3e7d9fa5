// SaslAuthenticate: v0-1
//
// Behavior:
// * Served before authentication, after a SaslHandshake chose a mechanism (else ILLEGAL_SASL_STATE).
// * PLAIN: one round; the right user and password authenticate the connection, anything else is
//   SASL_AUTHENTICATION_FAILED with Kafka's message ("Authentication failed: Invalid username or
//   password") and the connection stays unauthenticated (every request but ApiVersions and the
//   SASL pair then closes it).
// * v1 adds sessionLifetimeMs: 0, no re-authentication required.
import { ApiKey, type SaslAuthenticateRequest, type SaslAuthenticateResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { authenticatePlain, SASL_MECHANISM_ATTRIBUTE, saslUsers } from '../sasl';
import { defineHandler } from './types';

export default defineHandler<SaslAuthenticateRequest, SaslAuthenticateResponse>({
  key: ApiKey.SaslAuthenticate,
  min: 0,
  max: 1,
  beforeAuth: true,
  handle(req, ctx) {
    const answer = (errorCode: number, errorMessage: string | null): SaslAuthenticateResponse => ({
      errorCode,
      errorMessage,
      authBytes: Buffer.alloc(0),
      sessionLifetimeMs: 0n,
    });
    const mechanism = ctx.conn.attributes.get(SASL_MECHANISM_ATTRIBUTE);
    if (mechanism !== 'PLAIN') return answer(ErrorCode.ILLEGAL_SASL_STATE, 'SaslAuthenticate before a SaslHandshake');
    ctx.conn.attributes.delete(SASL_MECHANISM_ATTRIBUTE);
    const result = authenticatePlain(saslUsers(ctx.runtime.settings), req.authBytes);
    if (!result.ok) {
      ctx.runtime.log(`SASL/PLAIN authentication failed from ${ctx.conn.remote}: ${result.message}`);
      return answer(ErrorCode.SASL_AUTHENTICATION_FAILED, result.message);
    }
    ctx.conn.principal = result.user;
    ctx.conn.authenticated = true;
    return answer(ErrorCode.NONE, null);
  },
});
