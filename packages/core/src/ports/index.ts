export { type Clock, systemClock } from "./clock";
export type { EmailMessage, EmailSender } from "./email-sender";
export { type IdGenerator, ulidIdGenerator } from "./id-generator";
export type { MessageAbout } from "./message-about";
export { createManualPayments, type PaymentProvider } from "./payment-provider";
export type { SmsMessage, SmsSender } from "./sms-sender";
export * from "./store/index";
