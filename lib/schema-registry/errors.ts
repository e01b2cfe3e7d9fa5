// Confluent Schema Registry's errors, as its clients expect them: an HTTP status and a body
// {"error_code": N, "message": "..."} where N refines the status (40401 subject not found, ...).
// The operations throw these; the HTTP layer writes them as they are. Codes and wording follow
// Confluent's io.confluent.kafka.schemaregistry.rest.exceptions; clients act on the status (404, 409,
// 422) and some on the code (e.g. 40403 vs 40401), so both are kept exact.

export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  body(): { error_code: number; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

export const subjectNotFound = (subject: string) => new RegistryError(404, 40401, `Subject '${subject}' not found.`);
export const versionNotFound = (version: number | string) => new RegistryError(404, 40402, `Version ${version} not found.`);
export const schemaNotFound = (id?: number) => new RegistryError(404, 40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`);
export const subjectSoftDeleted = (subject: string) =>
  new RegistryError(404, 40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`);
export const subjectNotSoftDeleted = (subject: string) =>
  new RegistryError(404, 40405, `Subject '${subject}' was not deleted first before being permanently deleted`);
export const versionSoftDeleted = (subject: string, version: number) =>
  new RegistryError(404, 40406, `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`);
export const versionNotSoftDeleted = (subject: string, version: number) =>
  new RegistryError(404, 40407, `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`);
export const subjectConfigNotFound = (subject: string) =>
  new RegistryError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`);
export const incompatibleSchema = (subject: string, details: string[]) =>
  new RegistryError(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${details.join(', ')}]`);
export const invalidSchema = (detail: string) => new RegistryError(422, 42201, `Invalid schema: ${detail}`);
export const invalidVersion = (version: string) =>
  new RegistryError(422, 42202, `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
export const invalidCompatibilityLevel = () =>
  new RegistryError(
    422,
    42203,
    'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
  );
export const referenceExists = (subject: string, version: number) =>
  new RegistryError(422, 42206, `One or more references exist to the schema {subject=${subject},version=${version}}.`);
export const storeError = (detail: string) => new RegistryError(500, 50001, `Error in the backend data store - ${detail}`);
export const storeTimeout = (detail: string) => new RegistryError(500, 50002, `Operation timed out - ${detail}`);

export const badRequest = (detail: string) => new RegistryError(400, 400, detail);
export const httpNotFound = () => new RegistryError(404, 404, 'HTTP 404 Not Found');
export const methodNotAllowed = () => new RegistryError(405, 405, 'HTTP 405 Method Not Allowed');
export const unsupportedMediaType = () => new RegistryError(415, 415, 'HTTP 415 Unsupported Media Type');
export const payloadTooLarge = () => new RegistryError(413, 413, 'HTTP 413 Payload Too Large');
