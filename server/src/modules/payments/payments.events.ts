/** Payloads carry ids and primitives only, so they cross Redis unchanged; subscribers read the rows. */
export interface UnmatchedPaymentPayload {
  bankTransactionId: string;
}

export interface PaymentMatchedPayload {
  paymentMatchId: string;
  bankTransactionId: string;
  bookingId: string;
}

export const PaymentTopic = {
  UNMATCHED_ADDED: 'PAYMENT_UNMATCHED_ADDED',
  MATCHED: 'PAYMENT_MATCHED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    PAYMENT_UNMATCHED_ADDED: UnmatchedPaymentPayload;
    PAYMENT_MATCHED: PaymentMatchedPayload;
  }
}
