package org.custseg.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.custseg.config.InputSettings;
import org.custseg.config.QualitySettings;

/**
 * What makes an ingested row usable for a run, and how its values are read.
 *
 * @param timestampFormats patterns tried in order on the order timestamp
 * @param runDate the business date of the run: rows dated after it are "later" rows
 * @param futureToleranceDays a row dated more than this many days after its export's own date is
 *     quarantined as {@code future_timestamp}
 * @param today the export date assumed for files whose name carries no date (the wall clock)
 * @param minDate rows dated before it are quarantined as {@code implausible_date}
 * @param amountFromQuantity whether the amount is quantity x unit price (no amount column mapped; a
 *     file that lacks a mapped amount column is read so too)
 * @param thousandsSeparator removed from numbers before parsing, or {@code null}
 * @param decimalSeparator the decimal mark of numbers ({@code .} or {@code ,})
 * @param refundIdPrefix transaction ids starting with it are refunds (amount made negative), or
 *     {@code null}
 * @param dedupeKey {@code full-row}, {@code transaction-id} or {@code none}: when two valid rows
 *     are the same transaction (see {@link TransactionClassifier#rowKey})
 * @param amountOutlier amounts whose absolute value exceeds it are quarantined, or {@code null}
 * @param currencies the accepted currency codes (upper case); empty accepts any
 * @param keepZeroAmount whether a zero amount is a valid row (a zero-value order, e.g. free goods)
 *     instead of a {@code zero_amount} quarantine
 * @param rates the reporting currency and the rates into it ({@link ExchangeRates#none()}: amounts
 *     stay as they are)
 */
public record ValidationRules(
    List<String> timestampFormats,
    LocalDate runDate,
    int futureToleranceDays,
    LocalDate today,
    LocalDate minDate,
    boolean amountFromQuantity,
    String thousandsSeparator,
    String decimalSeparator,
    String refundIdPrefix,
    String dedupeKey,
    Double amountOutlier,
    List<String> currencies,
    boolean keepZeroAmount,
    ExchangeRates rates)
    implements Serializable {

  public ValidationRules {
    timestampFormats = List.copyOf(timestampFormats);
    decimalSeparator = decimalSeparator == null ? "." : decimalSeparator;
    currencies = currencies == null ? List.of() : List.copyOf(currencies);
    dedupeKey = dedupeKey == null ? "full-row" : dedupeKey;
    rates = rates == null ? ExchangeRates.none() : rates;
  }

  /** The rules the configuration sets. */
  public static ValidationRules of(
      InputSettings input,
      QualitySettings quality,
      ExchangeRates rates,
      LocalDate runDate,
      LocalDate today) {
    return new ValidationRules(
        input.timestampFormats(),
        runDate,
        quality.futureToleranceDays(),
        today,
        quality.minDate(),
        input.columns().amountFromQuantity(),
        input.thousandsSeparator(),
        input.decimalSeparator(),
        input.refundIdPrefix(),
        input.dedupeKey(),
        input.amountOutlier(),
        input.currencies(),
        quality.keepZeroAmount(),
        rates);
  }
}
