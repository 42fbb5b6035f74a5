export { SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, signWebhook, verifyWebhook } from './signature';
export type { SignInput, VerifyInput, VerifyResult, VerifyFailure } from './signature';
