package org.custseg.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A later (partial or full) refund of an order. Amounts are negative: {@code amount = quantity x
 * unitPrice} with a negative quantity and a positive unit price.
 *
 * @param transactionId {@code R} followed by the same 16 hex digits as the original order's id
 * @param originalTransactionId the refunded order's id ({@code T...})
 * @param refundTs local time of the refund, 1 or more days after the order
 * @param amount negative amount with 2 decimals
 * @param quantity negative number of returned units
 * @param unitPrice positive unit price with 2 decimals
 * @param full whether the whole order was refunded
 */
public record SimulatedRefund(
    String transactionId,
    String originalTransactionId,
    LocalDateTime refundTs,
    BigDecimal amount,
    int quantity,
    BigDecimal unitPrice,
    boolean full) {}
