package org.custseg.config;

import java.util.Currency;
import java.util.Locale;

/**
 * The reporting currency ({@code segmentation.money}): every money figure of a run is in it. Empty
 * settings mean "none".
 *
 * @param currency the ISO 4217 code of the reporting currency, or {@code null}: then a
 *     single-currency input needs nothing, and an input holding several currencies stops the run
 * @param rates the exchange-rates file ({@code currency,rate,valid_from}; a local path or any
 *     Hadoop file system URI), or {@code null}: then only rows in the reporting currency (or with
 *     none stated) are usable
 */
public record MoneySettings(String currency, String rates) {

  public MoneySettings {
    currency = currency == null || currency.isBlank() ? null : currency.trim();
    rates = rates == null || rates.isBlank() ? null : rates.trim();
    if (currency != null) {
      Require.that(
          currency.matches("[A-Za-z]{3}") && known(currency.toUpperCase(Locale.ROOT)),
          "segmentation.money.currency must be an ISO 4217 code such as EUR, got '"
              + currency
              + "'");
      currency = currency.toUpperCase(Locale.ROOT);
    }
    Require.that(
        rates == null || currency != null,
        "segmentation.money.rates is set but segmentation.money.currency is not: the rates "
            + "convert into the reporting currency, so set it too");
  }

  /** Whether {@code code} is an ISO 4217 currency code this JVM knows. */
  public static boolean known(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
