package org.custseg.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One simulated order (one export row), exactly as the generator writes it when the row is not
 * corrupted by the transport-noise injection.
 *
 * @param customerIndex 0-based customer index
 * @param sequence 0 for the trial (first) purchase, then 1, 2, ... for repeat purchases
 * @param transactionId {@code T} followed by 16 hex digits, unique per (seed, customer, sequence)
 * @param customerId {@code C} followed by 8 digits
 * @param orderTs local order time, whole seconds
 * @param amount quantity x unitPrice, 2 decimals, in {@code currency}
 * @param currency EUR, or CHF / GBP for the Swiss / British customers
 * @param quantity units, 1 or more
 * @param unitPrice unit price, 2 decimals
 * @param storeId e.g. {@code DE-S017} for a store order, {@code DE-WEB} / {@code DE-APP} otherwise
 * @param channel web, store or app
 * @param country ISO country code
 * @param valueEur the simulated Gamma-Gamma order value z in EUR before rounding and currency
 *     conversion
 * @param refund the later refund of this order if it falls inside the window, else null
 */
public record SimulatedOrder(
    int customerIndex,
    int sequence,
    String transactionId,
    String customerId,
    LocalDateTime orderTs,
    BigDecimal amount,
    String currency,
    int quantity,
    BigDecimal unitPrice,
    String storeId,
    String channel,
    String country,
    double valueEur,
    SimulatedRefund refund) {

  /** Whether this is a repeat purchase (BG/NBD counts these as "frequency"). */
  public boolean isRepeat() {
    return sequence > 0;
  }
}
