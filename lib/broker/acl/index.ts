// ACLs on the broker: what the handlers and the dispatcher import.
export { accessFor, aclsOf, clientAddress, type Access } from './access';
export { authorize, authorizeAnyOfType, type AuthRequest } from './authorize';
export { bindingProblem, filterMatches, filterProblem } from './match';
export { authorizerSettings, parseSuperUsers, type AuthorizerSettings } from './settings';
export { AclStore } from './store';
export * from './types';
