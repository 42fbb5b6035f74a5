export { SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, signWebhook, verifyWebhook } from './signature';
export type { SignInput, VerifyInput, VerifyResult, VerifyFailure } from './signature';
export {
  DELIVERY_HEADER,
  ATTEMPT_HEADER,
  WEBHOOK_TYPE_HEADER,
  REPORT_NOTIFICATION_WEBHOOK,
} from './delivery';
export type { WebhookDelivery } from './delivery';
