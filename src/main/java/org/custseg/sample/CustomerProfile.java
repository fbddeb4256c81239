package org.custseg.sample;

/**
 * The hidden, per-customer draws of the simulation (the "truth" a model should recover).
 *
 * @param index 0-based customer index; customers are numbered in acquisition order
 * @param customerId the exported id, {@code C} followed by 8 digits (index + 1)
 * @param acquisitionTime acquisition (= first purchase) time in days since the window start, before
 *     the time-of-day profile is applied
 * @param lambda purchase rate per day while alive
 * @param dropout probability of becoming inactive after each repeat purchase
 * @param nu Gamma-Gamma rate of this customer's order values (mean order value p / nu EUR)
 * @param country ISO country code
 * @param currency ISO currency code of the country
 * @param preferredChannel the channel used for most orders: web, store or app
 * @param homeStore store number used for most store orders
 */
public record CustomerProfile(
    int index,
    String customerId,
    double acquisitionTime,
    double lambda,
    double dropout,
    double nu,
    String country,
    String currency,
    String preferredChannel,
    int homeStore) {}
